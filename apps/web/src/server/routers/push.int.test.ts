// X3: the board's and rider screen's "Ring this device" over tRPC: the shared schema refuses before
// anything is stored (an endpoint that is not https — loopback http is off unless the dev/test flag
// says so —, keys of the wrong size), customers have no device alerts, and each user removes only
// their own device.
import { closeDbs } from "@bloom/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CUSTOMER, OWNER, RIDER } from "../../../../../test/support/fixtures";
import { TestDevice } from "../../../../../test/support/push-service";
import { services } from "../services";
import { callerAs } from "./test-callers";

const { db } = services();
const device = (name: string) => new TestDevice(name, `https://fcm.googleapis.com/fcm/send/${name}`);

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

beforeEach(() => db.$executeRawUnsafe("TRUNCATE notify_push_subscriptions"));
afterAll(async () => {
  await db.$executeRawUnsafe("TRUNCATE notify_push_subscriptions");
  await closeDbs();
});

describe("push router (X3)", () => {
  it("[X3] an owner's and a rider's device are saved for their audience", async () => {
    expect(await callerAs(OWNER.id, "OWNER").push.save(device("board").subscription("en"))).toEqual({ audience: "OWNER" });
    expect(await callerAs(RIDER.id, "RIDER").push.save(device("phone").subscription("ko"))).toEqual({ audience: "RIDER" });
    expect(await db.pushSubscription.count()).toBe(2);
    const { publicKey } = await callerAs(OWNER.id, "OWNER").push.config();
    // Whatever this process was started with: the e2e and npm start pass one, a bare test run none.
    expect(publicKey === null || /^[A-Za-z0-9_-]{87}$/.test(publicKey)).toBe(true);
  });

  it("[X3] refuses, before storing anything, an endpoint that is not https or not a known push service, and keys of the wrong size", async () => {
    const owner = callerAs(OWNER.id, "OWNER");
    const good = device("x").subscription();
    for (const endpoint of ["http://127.0.0.1:9/push/x", "http://push.example/x", "javascript:alert(1)"]) {
      const e = await refusal(owner.push.save({ ...good, endpoint }));
      expect(e.code).toBe("BAD_REQUEST");
    }
    // SSRF: https, but not a push service on the allow-list (PUSH_SERVICE_HOSTS) — an internal
    // address, the cloud metadata service, a look-alike host, another port.
    for (const endpoint of ["https://internal-api.example/admin", "https://169.254.169.254/latest/meta-data", "https://fcm.googleapis.com.attacker.example/x", "https://fcm.googleapis.com:8443/fcm/send/x"]) {
      const e = await refusal(owner.push.save({ ...good, endpoint }));
      expect(e.code, endpoint).toBe("BAD_REQUEST");
      expect(e.message, endpoint).toMatch(/known push service/);
    }
    const e = await refusal(owner.push.save({ ...good, keys: { p256dh: good.keys.p256dh.slice(0, 40), auth: "short" } }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(await db.pushSubscription.count()).toBe(0);
  });

  it("[X3] a customer cannot save a device, and a user removes only their own", async () => {
    const e = await refusal(callerAs(CUSTOMER.id, "CUSTOMER").push.save(device("c").subscription()));
    expect(e.code).toBe("FORBIDDEN");
    const d = device("mine");
    await callerAs(OWNER.id, "OWNER").push.save(d.subscription());
    expect(await callerAs(RIDER.id, "RIDER").push.remove({ endpoint: d.endpoint })).toEqual({ removed: false });
    expect(await callerAs(OWNER.id, "OWNER").push.remove({ endpoint: d.endpoint })).toEqual({ removed: true });
    expect(await db.pushSubscription.count()).toBe(0);
  });
});

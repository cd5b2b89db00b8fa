// X3: saving and removing a device's push subscription, against the real PostgreSQL.
import { MAX_PUSH_DEVICES_PER_USER } from "@bloom/domain";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "../../../../../test/support/app";
import { CUSTOMER, OWNER, RIDER } from "../../../../../test/support/fixtures";
import { TestDevice } from "../../../../../test/support/push-service";
import { removePushSubscription, savePushSubscription } from "./subscriptions";

const db = testDb();
const owner = { id: OWNER.id, role: "OWNER" };
const rider = { id: RIDER.id, role: "RIDER" };
const device = (name: string) => new TestDevice(name, `https://push.example/send/${name}`);

beforeEach(() => db.$executeRawUnsafe("TRUNCATE notify_push_subscriptions"));
afterAll(async () => {
  await db.$executeRawUnsafe("TRUNCATE notify_push_subscriptions");
  await closeDbs();
});

describe("push devices (X3)", () => {
  it("[X3] a customer has no staff alerts, and a key that is not a P-256 point is refused; nothing is stored", async () => {
    expect(await savePushSubscription(db, { id: CUSTOMER.id, role: "CUSTOMER" }, device("c").subscription())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const offCurve = device("x").subscription();
    // The right size and form (0x04 ‖ 64 bytes) but not on the curve: only the app layer can tell.
    offCurve.keys.p256dh = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url");
    expect(await savePushSubscription(db, owner, offCurve)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.pushSubscription.count()).toBe(0);
  });

  it("[X3] saving again updates the device in place; the same browser signed in as someone else becomes a new device", async () => {
    const d = device("shared-tablet");
    const first = await savePushSubscription(db, owner, d.subscription("ko"));
    const again = await savePushSubscription(db, owner, d.subscription("en"));
    expect(first).toMatchObject({ ok: true, audience: "OWNER" });
    expect(again.ok && first.ok && again.id === first.id).toBe(true);
    expect(await db.pushSubscription.findFirstOrThrow()).toMatchObject({ userId: OWNER.id, locale: "en", audience: "OWNER" });
    const other = await savePushSubscription(db, rider, d.subscription("ko"));
    expect(other).toMatchObject({ ok: true, audience: "RIDER" });
    expect(other.ok && first.ok && other.id !== first.id).toBe(true);
    expect(await db.pushSubscription.findMany()).toEqual([expect.objectContaining({ userId: RIDER.id, audience: "RIDER" })]);
  });

  it("[X3] a user keeps at most MAX_PUSH_DEVICES_PER_USER devices: the oldest goes", async () => {
    const devices = Array.from({ length: MAX_PUSH_DEVICES_PER_USER + 1 }, (_, i) => device(`d${i}`));
    for (const d of devices) expect(await savePushSubscription(db, owner, d.subscription())).toMatchObject({ ok: true });
    const left = await db.pushSubscription.findMany({ select: { endpoint: true } });
    expect(left).toHaveLength(MAX_PUSH_DEVICES_PER_USER);
    expect(left.map((r) => r.endpoint)).not.toContain(devices[0]!.endpoint);
  });

  it("[X3] turning alerts off removes only the user's own device", async () => {
    const d = device("mine");
    await savePushSubscription(db, owner, d.subscription());
    expect(await removePushSubscription(db, RIDER.id, d.endpoint)).toEqual({ removed: false });
    expect(await db.pushSubscription.count()).toBe(1);
    expect(await removePushSubscription(db, OWNER.id, d.endpoint)).toEqual({ removed: true });
    expect(await db.pushSubscription.count()).toBe(0);
  });
});

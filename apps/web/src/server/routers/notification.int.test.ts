// X1 through tRPC: the customer's email settings (own only, receipts refused as an opt-out before
// anything is written) and the UI's language recorded when the customer orders.
import { closeDbs } from "@bloom/db";
import type { Role } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER } from "../../../../../test/support/fixtures";
import { services } from "../services";
import { createCaller } from "./_app";

const svc = services();
const as = (u: { id: string; email: string; name: string }, role: Role, locale?: "ko" | "en") =>
  createCaller({
    ...svc,
    locale,
    session: {
      user: { ...u, role },
      expires: new Date(Date.now() + 3600_000).toISOString(),
    },
  });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected ${String(e)}`),
  );
const prefsRow = (id: string) => svc.db.notifyPreference.findUnique({ where: { customerId: id } });

beforeEach(async () => {
  await resetOrders(svc.db);
  await svc.db.notifyPreference.deleteMany({
    where: { customerId: { in: [CUSTOMER.id, CUSTOMER2.id] } },
  });
});
afterAll(() => closeDbs());

describe("email settings (X1)", () => {
  it("[X1] a customer reads and changes their own settings; receipts and unknown kinds are refused with nothing written", async () => {
    const me = as(CUSTOMER, "CUSTOMER");
    expect(await me.notification.emailPreferences()).toMatchObject({
      locale: "ko",
      optedOut: [],
    });
    for (const bad of [
      { locale: "en", optedOut: ["receipt"] },
      { locale: "en", optedOut: ["refunded"] },
      { locale: "fr", optedOut: [] },
      { locale: "en", optedOut: ["spam"] },
    ]) {
      expect(await codeOf(me.notification.setEmailPreferences(bad as never)), JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await prefsRow(CUSTOMER.id)).toBeNull();
    expect(
      await me.notification.setEmailPreferences({
        locale: "en",
        optedOut: ["delivered", "accepted", "accepted"],
      }),
    ).toMatchObject({
      locale: "en",
      optedOut: ["accepted", "delivered"],
    });
    // Another customer's settings are their own; owners have none.
    expect(await as(CUSTOMER2, "CUSTOMER").notification.emailPreferences()).toMatchObject({ locale: "ko", optedOut: [] });
    expect(await codeOf(as(OWNER, "OWNER").notification.emailPreferences())).toBe("FORBIDDEN");
    expect(
      await codeOf(
        as(OWNER, "OWNER").notification.setEmailPreferences({
          locale: "en",
          optedOut: [],
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("[X1] placing an order records the UI's language for the sender's emails (before the order, so its receipt uses it)", async () => {
    await as(CUSTOMER2, "CUSTOMER", "en").order.place(checkout());
    expect(await prefsRow(CUSTOMER2.id)).toMatchObject({
      locale: "en",
      optedOut: [],
    });
    await as(CUSTOMER2, "CUSTOMER", "ko").order.place(checkout());
    expect(await prefsRow(CUSTOMER2.id)).toMatchObject({ locale: "ko" });
    // Opt-outs survive a language change.
    await as(CUSTOMER2, "CUSTOMER").notification.setEmailPreferences({
      locale: "ko",
      optedOut: ["accepted"],
    });
    await as(CUSTOMER2, "CUSTOMER", "en").order.place(checkout());
    expect(await prefsRow(CUSTOMER2.id)).toMatchObject({
      locale: "en",
      optedOut: ["accepted"],
    });
  });
});

// C5: one entry point with authentication and role-based authorization — no session gets
// UNAUTHORIZED, the wrong role FORBIDDEN, and another user's or store's data is never returned.
import { verifyCredentials } from "@bloom/app";
import { closeDbs, DEMO_PASSWORD } from "@bloom/db";
import type { Role } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, OWNER2, RIDER } from "../../../../../test/support/fixtures";
import { services } from "../services";
import { createCaller } from "./_app";

const svc = services();
const as = (u: { id: string; email: string; name: string; role: Role } | null) =>
  createCaller({ ...svc, session: u ? { user: u, expires: new Date(Date.now() + 3600_000).toISOString() } : null });

const customer = as({ ...CUSTOMER, role: "CUSTOMER" });
const customer2 = as({ ...CUSTOMER2, role: "CUSTOMER" });
const owner = as({ ...OWNER, role: "OWNER" });
const owner2 = as({ ...OWNER2, role: "OWNER" });
const rider = as({ ...RIDER, role: "RIDER" });
const anonymous = as(null);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `unexpected ${String(e)}`;
  }
}

beforeAll(() => resetOrders(svc.db));
afterAll(() => closeDbs());

describe("access control", () => {
  it("[C5] every role procedure answers UNAUTHORIZED without a session", async () => {
    const calls = [
      anonymous.order.list(),
      anonymous.order.place(checkout()),
      anonymous.store.board(),
      anonymous.delivery.screen(),
      anonymous.mypage.orders(),
      anonymous.account.me(),
    ];
    for (const c of calls) expect(await codeOf(c)).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.catalog.stores())).toBe("OK");
  });

  it("[C5] the wrong role answers FORBIDDEN", async () => {
    expect(await codeOf(rider.order.list())).toBe("FORBIDDEN");
    expect(await codeOf(owner.order.place(checkout()))).toBe("FORBIDDEN");
    expect(await codeOf(customer.store.board())).toBe("FORBIDDEN");
    expect(await codeOf(rider.store.accept({ orderId: globalThis.crypto.randomUUID() }))).toBe("FORBIDDEN");
    expect(await codeOf(customer.delivery.screen())).toBe("FORBIDDEN");
    expect(await codeOf(owner.delivery.claim({ deliveryId: globalThis.crypto.randomUUID() }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.delivery.pickedUp({ deliveryId: globalThis.crypto.randomUUID() }))).toBe("FORBIDDEN");
    expect(await codeOf(rider.store.confirmPickup({ orderId: globalThis.crypto.randomUUID() }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.store.confirmPickup({ orderId: globalThis.crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(customer.delivery.returned({ deliveryId: globalThis.crypto.randomUUID() }))).toBe("FORBIDDEN");
    // Bad input is refused before anything runs; an unknown delivery reads as not found.
    expect(await codeOf(rider.delivery.returned({ deliveryId: "not-a-delivery" }))).toBe("BAD_REQUEST");
    expect(await codeOf(rider.delivery.returned({ deliveryId: globalThis.crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.mypage.orders())).toBe("FORBIDDEN");
  });

  it("[C5][F13] another customer's order reads as NOT_FOUND for every order procedure", async () => {
    const order = await customer.order.place(checkout());
    expect(await codeOf(customer.order.get({ orderId: order.id }))).toBe("OK");
    expect(await codeOf(customer2.order.get({ orderId: order.id }))).toBe("NOT_FOUND");
    expect(await codeOf(customer2.order.cancel({ orderId: order.id }))).toBe("NOT_FOUND");
    expect((await customer2.order.list()).items.find((o) => o.id === order.id)).toBeUndefined();
    expect((await customer.order.get({ orderId: order.id })).status).toBe("PLACED");
  });

  it("[C5] an owner's board and menu never show another owner's store", async () => {
    const mine = await owner.store.myStores();
    const theirs = await owner2.store.myStores();
    expect(mine.map((s) => s.id)).not.toEqual(expect.arrayContaining(theirs.map((s) => s.id)));
    expect(await codeOf(owner.store.menu({ storeId: theirs[0]!.id }))).toBe("NOT_FOUND");
    expect((await owner.store.board({ storeId: theirs[0]!.id })).orders).toEqual([]);
  });

  it("[C5] sign-in checks the password hash: wrong password and unknown email are refused", async () => {
    expect(await verifyCredentials(svc.db, CUSTOMER.email, DEMO_PASSWORD)).toMatchObject({ role: "CUSTOMER" });
    expect(await verifyCredentials(svc.db, CUSTOMER.email, "wrong-password")).toBeNull();
    expect(await verifyCredentials(svc.db, "nobody@bloom.test", DEMO_PASSWORD)).toBeNull();
    const stored = await svc.db.user.findUniqueOrThrow({ where: { email: CUSTOMER.email } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });

  it("[C5] [S5] sign-up validates (bad email, short or common password) with a clear message and creates nothing", async () => {
    const before = await svc.db.user.count();
    const bad = async (input: object) => {
      try {
        await anonymous.account.signUp(input as never);
        return "created";
      } catch (e) {
        return (e as TRPCError).message;
      }
    };
    expect(await bad({ name: "A", email: "not-an-email", password: "river-maple-lantern-42" })).toMatch(/valid email/);
    expect(await bad({ name: "A", email: "a@b.co", password: "short" })).toMatch(/at least 8 characters/);
    expect(await bad({ name: "A", email: "a@b.co", password: "longenough" })).toMatch(/too easy to guess/);
    // An email that has an account answers like a new one, and changes nothing (S5).
    expect(await anonymous.account.signUp({ name: "A", email: CUSTOMER.email, password: "river-maple-lantern-42" })).toEqual({ ok: true });
    expect(await verifyCredentials(svc.db, CUSTOMER.email, DEMO_PASSWORD)).toMatchObject({ role: "CUSTOMER" });
    expect(await svc.db.user.count()).toBe(before);

    const email = `new-${Date.now()}@bloom.test`;
    expect(await anonymous.account.signUp({ name: "New Customer", email, password: "river-maple-lantern-42" })).toEqual({ ok: true });
    expect(await verifyCredentials(svc.db, email, "river-maple-lantern-42")).toMatchObject({ email, role: "CUSTOMER" });
    await svc.db.user.delete({ where: { email } });
  });
});

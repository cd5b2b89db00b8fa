// S6: page cursors are checked against the caller. Another customer's order id as the cursor of
// order.list or mypage.orders answers exactly as an id that exists nowhere (BAD_REQUEST "Invalid
// cursor"), so a cursor cannot probe whether someone else's order exists or when it was placed.
import { placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import type { Role } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2 } from "../../../../../test/support/fixtures";
import { services } from "../services";
import { createCaller } from "./_app";

const svc = services();
const as = (u: { id: string; email: string; name: string }, role: Role) =>
  createCaller({ ...svc, session: { user: { ...u, role }, expires: new Date(Date.now() + 3600_000).toISOString() } });
const customer = as(CUSTOMER, "CUSTOMER");
const customer2 = as(CUSTOMER2, "CUSTOMER");

/** What the caller learns from an answer: its data, or its error's code, words and domain code. */
async function answerOf(p: Promise<unknown>) {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(await p)) as unknown };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { ok: false, code: e.code, message: e.message, domainCode: (e.cause as { domainCode?: string } | undefined)?.domainCode ?? null };
  }
}
const REFUSED = { ok: false, code: "BAD_REQUEST", message: "Invalid cursor", domainCode: "VALIDATION" };

const mine: string[] = []; // CUSTOMER's orders, oldest first
let theirs = ""; // CUSTOMER2's order, placed between CUSTOMER's
beforeAll(async () => {
  await resetOrders(svc.db);
  // Through the use case: the router's per-user order limit is not what this file tests.
  const place = async (customerId: string) => {
    const r = await placeOrder(svc, customerId, checkout());
    if (!r.ok) throw new Error(r.message);
    return r.order.id;
  };
  mine.push(await place(CUSTOMER.id));
  theirs = await place(CUSTOMER2.id);
  mine.push(await place(CUSTOMER.id), await place(CUSTOMER.id));
  // MyPage rows as its projection writes them (the worker is not what this file proves).
  const orders = await svc.db.order.findMany({ where: { id: { in: [...mine, theirs] } } });
  await svc.db.myPageOrder.createMany({
    data: orders.map((o) => ({
      orderId: o.id,
      customerId: o.customerId,
      storeName: o.storeName,
      itemsSummary: "Red Rose Classic",
      totalWon: o.totalWon,
      orderStatus: "PLACED",
      deliveryStatus: "NONE",
      paymentStatus: "PAID",
      deliveryDate: o.deliveryDate,
      timeSlot: o.timeSlot,
      timeline: [],
      events: [],
      placedAt: o.createdAt,
      updatedAt: o.createdAt,
    })),
  });
});
afterAll(() => closeDbs());

describe("cursors", () => {
  it("[S6] order.list: the caller's own cursor pages on; another customer's order and an unknown id answer the same refusal", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await customer.order.list({ limit: 1, cursor });
      seen.push(...page.items.map((o) => o.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...mine].reverse());

    const foreign = await answerOf(customer.order.list({ limit: 5, cursor: theirs }));
    const unknown = await answerOf(customer.order.list({ limit: 5, cursor: globalThis.crypto.randomUUID() }));
    expect(foreign).toEqual(REFUSED);
    expect(unknown).toEqual(foreign);
    // The owner of that order pages from it as usual (it is a real cursor, for them).
    expect((await customer2.order.list({ limit: 5, cursor: theirs })).items).toEqual([]);
    // A page lists what the order list shows, not the payment or the card.
    const [first] = (await customer.order.list({ limit: 1 })).items;
    for (const k of ["paymentId", "customerId", "idempotencyKey", "cardLast4", "recipientPhone", "address"]) expect(first).not.toHaveProperty(k);
  });

  it("[S6] mypage.orders: another customer's order and an unknown id as the cursor answer the same refusal", async () => {
    const first = await customer.mypage.orders({ limit: 1 });
    expect(first.items.map((r) => r.orderId)).toEqual([mine[2]]);
    expect((await customer.mypage.orders({ limit: 5, cursor: first.nextCursor! })).items.map((r) => r.orderId)).toEqual([mine[1], mine[0]]);

    for (const filter of ["all", "active", "past"] as const) {
      const foreign = await answerOf(customer.mypage.orders({ filter, limit: 5, cursor: theirs }));
      const unknown = await answerOf(customer.mypage.orders({ filter, limit: 5, cursor: globalThis.crypto.randomUUID() }));
      expect(foreign, filter).toEqual(REFUSED);
      expect(unknown, filter).toEqual(foreign);
    }
  });
});

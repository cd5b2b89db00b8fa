// S4 against the production web server as a real process: every free-text input an attacker can
// reach (order.place, order.cancel, the owner's reject and menu, sign-up, the REST order), sent with
// a NUL byte, a lone surrogate and a megabyte; impossible, far and past-the-shop's-horizon dates;
// duplicate cart lines. Each answer is a 4xx naming the field, and nothing is stored or charged:
// the database's rows and the sandbox processor's own ledger are the same before and after.
import { createApiClient } from "@bloom/app";
import { closeDbs, DEMO_PASSWORD } from "@bloom/db";
import { addDays, todayInSeoul } from "@bloom/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders, testDb } from "../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, ROSES, STORE } from "../../../../test/support/fixtures";
import { testProcessor } from "../../../../test/support/processor";
import { signIn, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";

const db = testDb();
const HORIZON = 7;
const BAD_TEXT = { NUL: "Mina \u0000 Kim", "a lone surrogate": "Mina \ud800 Kim", "1 MB": "x".repeat(1 << 20) } as const;
let web: WebProcess;
let customer: string;
let owner: string;
let placedId: string;
let client: Awaited<ReturnType<typeof createApiClient>>;

beforeAll(async () => {
  // Limits high enough that every refusal below is the input rule's, never a rate limit's.
  const high = "100000";
  web = await startWeb({
    RATE_LIMIT_ORDERS_PER_MIN: high,
    RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: high,
    RATE_LIMIT_SIGNIN_PER_MIN: high,
    RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: high,
    API_RATE_LIMIT_ORDERS_PER_MIN: high,
    API_RATE_LIMIT_TOKEN_PER_MIN: high,
    API_RATE_LIMIT_TOKEN_PER_IP_PER_MIN: high,
  });
  await resetOrders(db);
  await db.store.update({ where: { id: STORE.id }, data: { bookingHorizonDays: HORIZON } });
  customer = (await signIn(web.base, CUSTOMER.email, DEMO_PASSWORD)).cookie!;
  owner = (await signIn(web.base, OWNER.email, DEMO_PASSWORD)).cookie!;
  const placed = await trpc(web.base, customer, "order.place", checkout());
  expect(placed.status, JSON.stringify(placed.error)).toBe(200);
  placedId = (placed.data as { id: string }).id;
  client = await createApiClient(db, { name: "S4 test partner", scopes: "orders:read orders:write" });
}, 600_000);

afterAll(async () => {
  await db.store.update({ where: { id: STORE.id }, data: { bookingHorizonDays: 60 } });
  if (client) {
    await db.apiClient.deleteMany({ where: { id: client.clientId } });
    await db.user.deleteMany({ where: { id: client.userId } });
  }
  if (web) await stopWeb(web);
  await closeDbs();
});

/** Everything a refused request must not have changed: rows of every context, and the processor's ledger. */
async function everything() {
  const control = (await testProcessor()).control;
  const [orders, attempts, payments, history, outbox, reservations, users, storeOrders, bouquets, placed, charges] = await Promise.all([
    db.order.count(),
    db.paymentAttempt.count(),
    db.payment.count(),
    db.orderHistory.count(),
    db.outboxEvent.count(),
    db.stockReservation.count(),
    db.user.count(),
    db.storeOrder.count(),
    db.bouquet.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, nameKo: true, description: true, stock: true } }),
    db.order.findUnique({ where: { id: placedId }, select: { status: true, statusReason: true } }),
    control.charges().then((cs) => cs.map((c) => `${c.id}:${c.status}`).sort()),
  ]);
  return { orders, attempts, payments, history, outbox, reservations, users, storeOrders, bouquets, placed, charges };
}

/** The refused field: the zod issue's path (tRPC puts the issues in the message) or a use case's "path: message". */
function fieldOf(message: string | undefined): string | null {
  try {
    const issues = JSON.parse(message ?? "") as { path: (string | number)[] }[];
    return issues[0]?.path.join(".") ?? null;
  } catch {
    return /^([\w.]+): /.exec(message ?? "")?.[1] ?? null;
  }
}

/** One mutation over HTTP; a body-size refusal (413) may come before tRPC and need not be JSON. */
async function mutate(cookie: string | null, procedure: string, input: unknown) {
  const res = await fetch(`${web.base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json().catch(() => null)) as { error?: { json: { message: string; data: { code: string } } } } | null;
  return { status: res.status, code: body?.error?.json.data.code, field: fieldOf(body?.error?.json.message) };
}

/** Sends `input` and checks the 400 names `field` (or, for a megabyte, a 413 from the body limit) and that nothing changed. */
async function refused(cookie: string | null, procedure: string, input: unknown, field: string, opts: { mayBeTooLarge?: boolean } = {}) {
  const before = await everything();
  const a = await mutate(cookie, procedure, input);
  if (opts.mayBeTooLarge && a.status === 413) expect(a.code ?? "PAYLOAD_TOO_LARGE").toBe("PAYLOAD_TOO_LARGE");
  else expect({ status: a.status, code: a.code, field: a.field }, `${procedure} ${field}`).toEqual({ status: 400, code: "BAD_REQUEST", field });
  expect(await everything(), `${procedure} ${field}: nothing stored, nothing charged`).toEqual(before);
}

const withDelivery = (over: Record<string, unknown>) => checkout({ delivery: { ...checkout().delivery, ...over } });

describe("[S4] input refused before any charge or write (production server)", () => {
  it.each(Object.entries(BAD_TEXT))("[S4] order.place: every text field with %s is refused by name; nothing stored or charged", async (_, bad) => {
    for (const field of ["recipientName", "address", "giftMessage", "note"]) {
      await refused(customer, "order.place", withDelivery({ [field]: bad }), `delivery.${field}`, { mayBeTooLarge: bad.length > 1000 });
    }
  });

  it("[S4] order.place: impossible dates, 2099-12-31 and one day past the shop's horizon are refused on deliveryDate", async () => {
    const today = todayInSeoul();
    for (const date of ["2027-02-30", "2027-13-45", "2099-12-31", addDays(today, HORIZON + 1), addDays(today, 366)]) {
      await refused(customer, "order.place", withDelivery({ deliveryDate: date }), "delivery.deliveryDate");
    }
    // The shop's last bookable day is taken.
    const last = await trpc(web.base, customer, "order.place", withDelivery({ deliveryDate: addDays(today, HORIZON) }));
    expect(last.status, JSON.stringify(last.error)).toBe(200);
  });

  it("[S4] order.place: duplicate lines are merged before the limit — 20 + 20 is refused on items", async () => {
    const items = [{ bouquetId: ROSES, quantity: 20 }, { bouquetId: ROSES, quantity: 20 }];
    await refused(customer, "order.place", checkout({ items }), "items");
  });

  it.each(Object.entries(BAD_TEXT))("[S4] order.cancel reason, store.reject detail, bouquet edits and sign-up name with %s are refused by name", async (_, bad) => {
    const mayBeTooLarge = bad.length > 1000;
    await refused(customer, "order.cancel", { orderId: placedId, reason: bad }, "reason", { mayBeTooLarge });
    await refused(owner, "store.reject", { orderId: placedId, reason: "OTHER", detail: bad }, "detail", { mayBeTooLarge });
    for (const field of ["name", "nameKo", "description"]) {
      await refused(owner, "store.updateBouquet", { bouquetId: ROSES, [field]: bad }, field, { mayBeTooLarge });
    }
    const bouquet = { storeId: STORE.id, name: "Spring", nameKo: "봄", description: "", priceWon: 30000, stock: 3, active: true };
    await refused(owner, "store.addBouquet", { ...bouquet, name: bad }, "name", { mayBeTooLarge });
    const email = `s4-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@bloom.test`;
    await refused(null, "account.signUp", { name: bad, email, password: "correct horse battery staple", phone: "010-1234-5678" }, "name", { mayBeTooLarge });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("[S4][C10] the REST order endpoint applies the same rules, naming the field", async () => {
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64");
    const tokenRes = await fetch(`${web.base}/api/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const post = async (body: Record<string, unknown>) => {
      const { idempotencyKey: _k, ...rest } = body;
      const res = await fetch(`${web.base}/api/v1/orders`, {
        method: "POST",
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json", "Idempotency-Key": globalThis.crypto.randomUUID() },
        body: JSON.stringify(rest),
      });
      return { status: res.status, error: ((await res.json()) as { error?: { code: string; field?: string } }).error };
    };
    const cases: [Record<string, unknown>, string][] = [
      [checkout({ items: [{ bouquetId: ROSES, quantity: 20 }, { bouquetId: ROSES, quantity: 20 }] }), "items"],
      [withDelivery({ giftMessage: BAD_TEXT.NUL }), "delivery.giftMessage"],
      [withDelivery({ recipientName: BAD_TEXT["a lone surrogate"] }), "delivery.recipientName"],
      [withDelivery({ deliveryDate: "2027-02-30" }), "delivery.deliveryDate"],
      [withDelivery({ deliveryDate: addDays(todayInSeoul(), HORIZON + 1) }), "delivery.deliveryDate"],
    ];
    for (const [body, field] of cases) {
      const before = await everything();
      expect(await post(body), field).toEqual({ status: 400, error: expect.objectContaining({ code: "VALIDATION", field }) });
      expect(await everything(), `${field}: nothing stored, nothing charged`).toEqual(before);
    }
  });
});

// X2 over HTTP, against the production web server: the recipient's tracking page answers only a
// genuine token (wrong or altered → 404), never shows a price, and an anonymous sender's name is in
// neither its HTML nor the JSON it fetches. The slot choice is rate-limited per link.
import { placeOrder, signTrackingToken } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, STORE } from "../../../../test/support/fixtures";
import { startWeb, stopWeb, TEST_TRACKING_LINK_SECRET, trpc, type WebProcess } from "../../../../test/support/web";

const { ctx, db } = testContext();
let web: WebProcess;

beforeAll(async () => {
  await resetOrders(db);
  web = await startWeb({ RATE_LIMIT_TRACKING_RESCHEDULE_PER_MIN: "2" });
});
afterAll(async () => {
  if (web) await stopWeb(web);
  await closeDbs();
});

async function order(sendAnonymously: boolean) {
  const base = checkout();
  const placed = await placeOrder(ctx, CUSTOMER.id, { ...base, delivery: { ...base.delivery, ...(sendAnonymously ? { sendAnonymously } : {}) } });
  if (!placed.ok) throw new Error(placed.message);
  return { id: placed.order.id, token: signTrackingToken(placed.order.id, TEST_TRACKING_LINK_SECRET), totalWon: placed.order.totalWon };
}

const page = (token: string) => fetch(`${web.base}/t/${token}`, { headers: { "accept-language": "en" } });
// The amount as a number and as the page would format it (the ₩ sign itself is in the message catalog every page carries).
const priceTexts = (won: number) => [String(won), won.toLocaleString("en-US"), "totalWon"];

describe("the tracking page over HTTP (X2)", () => {
  it("[X2] a genuine link shows the shop, the recipient's first name and the slot, no price; the sender is named only when not anonymous", async () => {
    const named = await order(false);
    const anonymous = await order(true);
    const shown = await page(named.token);
    expect(shown.status).toBe(200);
    const namedHtml = await shown.text();
    expect(namedHtml).toContain(STORE.name);
    expect(namedHtml).toContain("Soyeon");
    expect(namedHtml).toContain(CUSTOMER.name); // the check below can see a name when there is one
    for (const p of priceTexts(named.totalWon)) expect(namedHtml).not.toContain(p);

    const res = await page(anonymous.token);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Soyeon");
    expect(html).not.toContain(CUSTOMER.name);
    for (const p of priceTexts(anonymous.totalWon)) expect(html).not.toContain(p);
    // Nor in the JSON the page fetches.
    const view = await trpc(web.base, null, "tracking.view", { token: anonymous.token }, "query");
    expect(view.status).toBe(200);
    expect(view.data).toMatchObject({ senderName: null, shopName: STORE.name, recipientFirstName: "Soyeon" });
    expect(JSON.stringify(view.data)).not.toContain(CUSTOMER.name);
    expect(JSON.stringify(view.data)).not.toMatch(/won|price|total/i);
  });

  it("[X2] a wrong or altered token answers 404, on the page and in its API", async () => {
    const { token } = await order(false);
    const flip = (i: number) => token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    for (const bad of [flip(0), flip(20), flip(30), token.slice(0, -1), `${token}x`, "not-a-token", signTrackingToken(globalThis.crypto.randomUUID(), TEST_TRACKING_LINK_SECRET)]) {
      const res = await page(bad);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).not.toContain("Soyeon");
      expect((await trpc(web.base, null, "tracking.view", { token: bad }, "query")).status, bad).toBe(404);
    }
    expect((await trpc(web.base, null, "tracking.chooseSlot", { token: flip(5), deliveryDate: checkout().delivery.deliveryDate, timeSlot: "18-21" })).status).toBe(404);
  });

  it("[X2] choosing a slot follows the shop's rules (nothing to reschedule before a failed attempt) and is rate-limited per link", async () => {
    const { id, token } = await order(false);
    const input = { token, deliveryDate: checkout().delivery.deliveryDate, timeSlot: "18-21" };
    const first = await trpc(web.base, null, "tracking.chooseSlot", input);
    expect(first.error?.data.domainCode).toBe("INVALID_TRANSITION");
    expect((await trpc(web.base, null, "tracking.chooseSlot", { ...input, timeSlot: "nope" })).status).toBe(400);
    await trpc(web.base, null, "tracking.chooseSlot", input);
    const limited = await trpc(web.base, null, "tracking.chooseSlot", input);
    expect(limited.status).toBe(429);
    expect(await db.outboxEvent.count({ where: { orderId: id, type: "DeliveryRescheduled" } })).toBe(0);
  });
});

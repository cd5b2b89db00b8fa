// The sandbox card processor as a real OS process with its own ledger database
// (bloom_test_processor): idempotency keys with a processor's semantics (M1), voids that win over
// a charge still on its way (M2), refunds once per charge (M3), refund outages that change nothing
// (M4). Everything through its HTTP API, as Bloom's gateway calls it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testProcessor, type TestProcessor } from "../../../test/support/processor";
import { waitFor } from "../../../test/support/wait";

let p: TestProcessor;
beforeAll(async () => {
  p = await testProcessor();
});
beforeEach(() => p.control.reset());
afterAll(() => p?.kill("SIGTERM"));

const CARD = { number: "4242424242424242", expiry: "12/30", cvc: "123" };
const PROCESSING_ERROR = { ...CARD, number: "4000000000000119" };
const DECLINE = { ...CARD, number: "4000000000000002" };
const INSUFFICIENT = { ...CARD, number: "4000000000009995" };

type Answer = { status: number; headers: Headers; body: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(path: string, body: unknown, key?: string): Promise<Answer> {
  const res = await fetch(`${p.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key !== undefined ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer["body"] };
}
const charge = (key: string, body: Record<string, unknown> = {}) => post("/v1/charges", { amountWon: 45_000, card: CARD, description: "2 × Spring Roses", ...body }, key);
const voidKey = (key: string) => post("/v1/voids", { idempotencyKey: key });
const refund = (key: string, chargeId: string, amountWon = 45_000) => post("/v1/refunds", { charge: chargeId, amountWon }, key);
const uniqueKey = (what: string) => `${what}-${globalThis.crypto.randomUUID()}`;

describe("sandbox processor: charges", () => {
  it("[M1] a charge captures once and answers the charge; bad input is refused with 400 and stores nothing", async () => {
    const key = uniqueKey("ok");
    const first = await charge(key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ idempotencyKey: key, amountWon: 45_000, status: "CAPTURED", brand: "VISA", last4: "4242" });
    expect(first.body.id).toMatch(/^ch_[0-9a-f]{32}$/);
    expect((await charge(key)).body).toEqual(first.body); // the same request again: the same charge

    expect((await post("/v1/charges", { amountWon: 45_000, card: CARD }, undefined)).status).toBe(400); // no key
    expect((await charge(uniqueKey("bad"), { amountWon: -5 })).status).toBe(400);
    expect((await charge(uniqueKey("bad"), { amountWon: 10.5 })).status).toBe(400);
    expect((await charge(uniqueKey("bad"), { card: { ...CARD, number: "4242424242424241" } })).body.error).toMatchObject({ type: "invalid_request_error", param: "card.number" });
    const notJson = await fetch(`${p.url}/v1/charges`, { method: "POST", headers: { "idempotency-key": uniqueKey("bad") }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(await p.control.charges()).toHaveLength(1);
  });

  it("[M1] same key + different request → 422, nothing charged", async () => {
    const key = uniqueKey("mismatch");
    const first = await charge(key);
    expect(first.status).toBe(200);
    for (const different of [{ amountWon: 46_000 }, { card: { ...CARD, number: "5555555555554444" } }, { description: "3 × Spring Roses" }, { card: { ...CARD, expiry: "11/30" } }]) {
      const again = await charge(key, different);
      expect(again.status, JSON.stringify(different)).toBe(422);
      expect(again.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    }
    const ledger = await p.control.charges();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ id: first.body.id, amountWon: 45_000, status: "CAPTURED" });
  });

  it("[M1] same key sent 20 times concurrently → one charge, others 409 in progress or the replayed charge", async () => {
    await p.control.configure({ latencyMs: "300" });
    const key = uniqueKey("race");
    const answers = await Promise.all(Array.from({ length: 20 }, () => charge(key)));
    const ok = answers.filter((a) => a.status === 200);
    const inProgress = answers.filter((a) => a.status === 409);
    expect(ok.length + inProgress.length).toBe(20);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((a) => a.body.id)).size).toBe(1);
    for (const a of inProgress) {
      expect(a.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_in_use" });
      expect(a.headers.get("retry-after")).toBe("1");
    }
    const ledger = await p.control.charges();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ idempotencyKey: key, status: "CAPTURED", amountWon: 45_000 });
    // Once finished, the key replays its charge.
    expect((await charge(key)).body.id).toBe(ok[0]!.body.id);
  });

  it("[M1] a failed charge (processing error card 4000000000000119) stores nothing: a retry with the same key and a good card goes through", async () => {
    const key = uniqueKey("retry");
    const failed = await charge(key, { card: PROCESSING_ERROR });
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ type: "api_error" });
    expect(await p.control.chargeByKey(key)).toBeNull();
    expect(await p.control.charges()).toHaveLength(0);
    // A different card is a different request, but the failed attempt left nothing to bind the key.
    const retried = await charge(key);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe("CAPTURED");
    expect(await p.control.charges()).toHaveLength(1);
  });

  it("[M1] outages and a failure rate fail charges without storing them; declines are stored and replayed", async () => {
    await p.control.configure({ outageSeconds: 60 });
    expect((await charge(uniqueKey("outage"))).status).toBe(502);
    await p.control.configure({ outageSeconds: 0, failureRate: 1 });
    expect((await charge(uniqueKey("flaky"))).status).toBe(502);
    expect(await p.control.charges()).toHaveLength(0);
    await p.control.configure({ failureRate: 0 });

    const declined = uniqueKey("declined");
    const d = await charge(declined, { card: DECLINE });
    expect(d).toMatchObject({ status: 402, body: { error: { type: "card_error", code: "card_declined" } } });
    expect((await charge(declined, { card: DECLINE })).body.error).toMatchObject({ code: "card_declined", charge: d.body.error.charge });
    const poor = await charge(uniqueKey("poor"), { card: INSUFFICIENT });
    expect(poor).toMatchObject({ status: 402, body: { error: { type: "card_error", code: "insufficient_funds" } } });
    expect((await p.control.charges({ status: "DECLINED" })).length).toBe(2);
    expect(await p.control.charges({ status: "CAPTURED" })).toHaveLength(0);
  });

  it("[M2] void before the charge arrives → the charge is refused", async () => {
    const key = uniqueKey("tombstone");
    expect(await voidKey(key)).toMatchObject({ status: 200, body: { status: "VOIDED" } });
    expect(await voidKey(key)).toMatchObject({ status: 200, body: { status: "VOIDED" } }); // idempotent
    const late = await charge(key);
    expect(late.status).toBe(402);
    expect(late.body.error).toMatchObject({ type: "card_error", code: "charge_voided", message: "This payment was cancelled" });
    expect(await p.control.charges({ status: "CAPTURED" })).toHaveLength(0);
    expect(await p.control.chargeByKey(key)).toMatchObject({ status: "VOIDED", amountWon: 0 });
  });

  it("[M2] void while the charge is in flight → it never captures; a captured charge can be voided; declines stay declined", async () => {
    await p.control.configure({ latencyMs: "500" });
    const key = uniqueKey("inflight");
    const pending = charge(key);
    await waitFor(() => p.control.chargeByKey(key), (c) => c?.status === "PROCESSING", { what: "charge in flight", everyMs: 10 });
    expect((await voidKey(key)).body.status).toBe("VOIDED");
    const answer = await pending;
    expect(answer.status).toBe(402);
    expect(answer.body.error.code).toBe("charge_voided");
    expect((await charge(key)).body.error.code).toBe("charge_voided"); // replayed
    expect(await p.control.charges({ status: "CAPTURED" })).toHaveLength(0);

    await p.control.configure({ latencyMs: "0" });
    const captured = uniqueKey("captured");
    expect((await charge(captured)).status).toBe(200);
    expect((await voidKey(captured)).body.status).toBe("VOIDED");
    expect((await charge(captured)).body.error.code).toBe("charge_voided");
    const declined = uniqueKey("declined");
    expect((await charge(declined, { card: DECLINE })).status).toBe(402);
    expect((await voidKey(declined)).body.status).toBe("DECLINED");
  });

  it("[M2] a processor killed mid-charge charged nothing: after a restart the key is free and the retry captures once", async () => {
    await p.control.configure({ latencyMs: "5000" });
    const key = uniqueKey("crash");
    const pending = charge(key).catch((e: Error) => e);
    await waitFor(() => p.control.chargeByKey(key), (c) => c?.status === "PROCESSING", { what: "charge in flight", everyMs: 10 });
    await p.kill("SIGKILL");
    expect(await pending).toBeInstanceOf(Error); // the connection was cut: the client does not know
    await p.restart();
    expect(await p.control.chargeByKey(key)).toBeNull(); // interrupted: never completed, nothing captured
    expect(p.output()).toContain("charges interrupted by an earlier stop");
    const retried = await charge(key);
    expect(retried.status).toBe(200);
    expect(await p.control.charges()).toHaveLength(1);
  });
});

describe("sandbox processor: refunds", () => {
  it("[M3] refund is idempotent by key; a second key cannot refund again", async () => {
    const c = (await charge(uniqueKey("refund"))).body;
    const first = await refund("refund:1", c.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ charge: c.id, amountWon: 45_000, status: "succeeded", idempotencyKey: "refund:1" });
    expect(first.body.id).toMatch(/^re_[0-9a-f]{32}$/);
    const again = await refund("refund:1", c.id);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    const other = await refund("refund:2", c.id);
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "charge_already_refunded" });
    expect(await p.control.refunds(c.id)).toHaveLength(1);
    expect((await p.control.charge(c.id))?.status).toBe("REFUNDED");
    // A refunded charge still replays for its key, with its status.
    expect((await charge(c.idempotencyKey)).body).toMatchObject({ id: c.id, status: "REFUNDED" });
  });

  it("[M3] the same refund sent 10 times concurrently refunds once; full refunds only; nothing to refund is refused", async () => {
    await p.control.configure({ refundLatencyMs: "50" });
    const c = (await charge(uniqueKey("refund-race"))).body;
    const answers = await Promise.all(Array.from({ length: 10 }, () => refund("refund:race", c.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await p.control.refunds(c.id)).toHaveLength(1);

    const partial = (await charge(uniqueKey("partial"))).body;
    expect((await refund("refund:partial", partial.id, 10_000)).body.error).toMatchObject({ code: "amount_mismatch" });
    expect((await refund("refund:missing", `ch_${"0".repeat(32)}`)).status).toBe(404);
    const voided = uniqueKey("voided");
    const v = (await charge(voided)).body;
    await voidKey(voided);
    expect((await refund("refund:voided", v.id)).body.error).toMatchObject({ code: "charge_not_refundable" });
    expect((await p.control.charge(partial.id))?.status).toBe("CAPTURED");
  });

  it("[M4] refund outage → 503 and nothing changed; after it ends the refund succeeds", async () => {
    const c = (await charge(uniqueKey("outage"))).body;
    await p.control.configure({ refundOutageSeconds: 60 });
    const during = await refund("refund:outage", c.id);
    expect(during.status).toBe(503);
    expect(during.body.error).toMatchObject({ type: "api_error" });
    expect((await p.control.charge(c.id))?.status).toBe("CAPTURED");
    expect(await p.control.refunds(c.id)).toHaveLength(0);
    expect((await charge(uniqueKey("during"))).status).toBe(200); // charges are not affected

    await p.control.configure({ refundOutageSeconds: 0 });
    const after = await refund("refund:outage", c.id);
    expect(after.status).toBe(200);
    expect(await p.control.refunds(c.id)).toHaveLength(1);
    expect((await p.control.charge(c.id))?.status).toBe("REFUNDED");
  });
});

describe("sandbox processor: ledger API", () => {
  it("[M2] charges can be listed by status and time (reconciliation), looked up by key and by id", async () => {
    const from = new Date();
    const a = (await charge(uniqueKey("list"))).body;
    const b = (await charge(uniqueKey("list"))).body;
    await charge(uniqueKey("list"), { card: DECLINE });
    const captured = await p.control.charges({ createdGte: from, status: "CAPTURED" });
    expect(captured.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(await p.control.charges({ createdGte: new Date(Date.now() + 60_000) })).toHaveLength(0);
    expect(await p.control.chargeByKey(a.idempotencyKey)).toMatchObject({ id: a.id });
    expect(await p.control.charge(b.id)).toMatchObject({ idempotencyKey: b.idempotencyKey });
    expect(await p.control.chargeByKey("no such key / at all")).toBeNull();
    expect((await fetch(`${p.url}/health`)).status).toBe(200);
  });
});

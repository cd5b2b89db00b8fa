// X2 × X5, against the real PostgreSQL, Redis, worker, card processor and the SMS sandbox process:
// the recipient's texts are planned once per event (a redelivered event plans nothing), land in the
// sandbox's own ledger with a tracking link that verifies to the order, and an SMS provider outage
// only delays them.
import {
  actOnStoreOrder,
  claimDelivery,
  confirmPickupByRider,
  HttpSmsSender,
  placeOrder,
  planRecipientSms,
  recordAttempt,
  signTrackingToken,
  smsChannel,
  verifyTrackingToken,
  type Rider,
} from "@bloom/app";
import { closeDbs, inTransaction } from "@bloom/db";
import { parseEvent } from "@bloom/domain";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWorker } from "../../../../apps/worker/src/runtime";
import { JOB_OPTIONS } from "../../../../apps/worker/src/relay";
import { quietLog, resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, RIDER } from "../../../../test/support/fixtures";
import { testProcessor } from "../../../../test/support/processor";
import { startSmsSandbox, type TestSmsSandbox } from "../../../../test/support/sms-sandbox";
import { waitFor } from "../../../../test/support/wait";
import { TEST_REDIS_URL } from "../../../../test/support/env";
import { uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
const SECRET = "int-test-tracking-secret-int-test-tracking-secret";
const WEB = "http://bloom.test";
const PHONE = "010-9876-5432";
const TO = "01098765432";
let sandbox: TestSmsSandbox;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  sandbox = await startSmsSandbox();
});
beforeEach(async () => {
  await resetOrders(db);
  await db.$executeRaw`DELETE FROM notify_messages`;
  const processor = await testProcessor();
  worker = await startWorker({
    db,
    redisUrl: TEST_REDIS_URL,
    prefix: uniquePrefix("recipient-sms"),
    concurrency: 8,
    relayIntervalMs: 20,
    relayBatch: 200,
    processorUrl: processor.url,
    log: quietLog,
    // A short timeout and backoff, so the outage test ends soon after the outage.
    messages: {
      providers: [smsChannel(new HttpSmsSender(sandbox.url, 1000), { from: "Bloom", publicWebUrl: WEB, trackingLinkSecret: SECRET })],
      intervalMs: 100,
      baseBackoffMs: 200,
      maxBackoffMs: 1000,
    },
  });
});
afterEach(() => worker.stop());
afterAll(() => closeDbs());

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const smsRows = (orderId: string) => db.$queryRaw<{ kind: string; status: string; attempts: number; recipient: string }[]>`
  SELECT kind, status, attempts, recipient FROM notify_messages WHERE channel = 'sms' AND order_id = ${orderId}::uuid ORDER BY created_at`;
const textsFor = async (orderId: string) => (await sandbox.messages(TO)).filter((m) => m.text.includes(tokenOf(orderId)));
const tokens = new Map<string, string>();
const tokenOf = (orderId: string) => tokens.get(orderId) ?? "";

async function placedAndAccepted(over: Record<string, unknown> = {}) {
  const base = checkout();
  const placed = await placeOrder(ctx, CUSTOMER.id, { ...base, delivery: { ...base.delivery, recipientPhone: PHONE, ...over } });
  if (!placed.ok) throw new Error(placed.message);
  const id = placed.order.id;
  tokens.set(id, signTrackingToken(id, SECRET));
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  return id;
}

describe("the recipient's text messages (X2, X5)", () => {
  it("[X2][X5] accepted → one text in the sandbox's ledger with the tracking link; a redelivered event plans and sends nothing twice", async () => {
    const id = await placedAndAccepted({ sendAnonymously: true });
    const [text] = await waitFor(() => textsFor(id), (t) => t.length === 1, { what: "the text in the sandbox ledger" });
    expect(text!.to).toBe(TO);
    const link = text!.text.match(/http:\/\/bloom\.test\/t\/([A-Za-z0-9_-]{43})/);
    expect(link, text!.text).not.toBeNull();
    expect(verifyTrackingToken(link![1]!, SECRET)).toBe(id);
    expect(text!.text).toContain("Soyeon");
    // Anonymous: the sender's name is in neither the text nor the planned message.
    expect(text!.text).not.toContain(CUSTOMER.name);
    const stored = await db.$queryRaw<{ payload: unknown }[]>`SELECT payload FROM notify_messages WHERE channel = 'sms' AND order_id = ${id}::uuid`;
    expect(JSON.stringify(stored)).not.toContain(CUSTOMER.name);
    await waitFor(() => smsRows(id), (r) => r[0]?.status === "sent", { what: "message marked sent" });

    // The same StoreOrderAccepted delivered to recipient-sms again, under a new job id.
    const accepted = await db.outboxEvent.findFirstOrThrow({ where: { orderId: id, type: "StoreOrderAccepted" } });
    const again = await worker.queues["recipient-sms"].add("StoreOrderAccepted", accepted.payload, { ...JOB_OPTIONS, jobId: `${accepted.id}-again` });
    await waitFor(() => again.getState(), (s) => s === "completed", { what: "duplicate job done" });
    expect((await worker.queues["recipient-sms"].getJob(again.id!))?.returnvalue).toBe("duplicate");
    // And the policy itself run again (past the inbox) plans nothing new: one key per event, channel and number.
    const hint = await inTransaction(db, (tx) => planRecipientSms(tx, parseEvent(accepted.payload)));
    expect(hint.messagesPlanned).toBe(false);
    expect(await smsRows(id)).toEqual([{ kind: "recipient_coming", status: "sent", attempts: 1, recipient: TO }]);
    expect(await textsFor(id)).toHaveLength(1);
  });

  it("[X2] a failed attempt texts the recipient the way to choose another slot; a sender who is not anonymous is named", async () => {
    const id = await placedAndAccepted();
    const [coming] = await waitFor(() => textsFor(id), (t) => t.length === 1, { what: "the first text" });
    expect(coming!.text).toContain(CUSTOMER.name);
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
    const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
    ok(await claimDelivery(ctx, rider, d!.id));
    ok(await confirmPickupByRider(ctx, rider, d!.id));
    ok(await recordAttempt(ctx, rider, d!.id, "NOBODY_HOME", null));
    const texts = await waitFor(() => textsFor(id), (t) => t.length === 2, { what: "the attempt's text" });
    expect(texts.map((t) => t.text).find((t) => t !== coming!.text)).toMatch(/missed you|만나지 못했어요/);
    expect((await smsRows(id)).map((r) => r.kind)).toEqual(["recipient_coming", "recipient_attempted"]);
  });

  it("[X2][X5] the SMS provider down: the text waits (retried, never dropped) and is sent once it is back", async () => {
    await sandbox.kill();
    try {
      const id = await placedAndAccepted();
      // Tried and failed at least twice while the provider is away; still pending.
      const rows = await waitFor(() => smsRows(id), (r) => r.length === 1 && r[0]!.attempts >= 2, { what: "retries during the outage", timeoutMs: 20_000 });
      expect(rows[0]!.status).toBe("pending");
      await sandbox.restart();
      await waitFor(() => smsRows(id), (r) => r[0]?.status === "sent", { what: "sent after the outage", timeoutMs: 20_000 });
      expect(await textsFor(id)).toHaveLength(1);
    } finally {
      await sandbox.restart();
    }
  });
});

// Email to the sender (X1) and messages never sent twice nor lost (X5), against the real
// PostgreSQL, Redis, worker runtime, sandbox processor and a real SMTP server started here.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  actOnStoreOrder,
  cancelOrder,
  claimDelivery,
  confirmBackAtShop,
  confirmPickupByRider,
  deliver,
  emailPreferencesOf,
  enqueueMessages,
  LocalPhotoStorage,
  placeOrder,
  planSenderEmail,
  recordAttempt,
  rememberMessageLocale,
  rescheduleDelivery,
  setEmailPreferences,
  SmtpEmailProvider,
  type Rider,
} from "@bloom/app";
import { closeDbs, inTransaction } from "@bloom/db";
import { addDays, parseEvent, POLICIES, todayInSeoul, type EmailKind } from "@bloom/domain";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, RIDER } from "../../../test/support/fixtures";
import { TestSmtpServer } from "../../../test/support/smtp";
import { waitFor } from "../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../test/support/worker";
import { workerMetrics } from "./metrics";
import { JOB_OPTIONS } from "./relay";
import type { WorkerConfig, WorkerRuntime } from "./runtime";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
const smtp = new TestSmtpServer();
let photoDir: string;
let photos: LocalPhotoStorage;
let workers: WorkerRuntime[] = [];
let providers: SmtpEmailProvider[] = [];

beforeAll(async () => {
  await smtp.start();
  photoDir = await mkdtemp(path.join(os.tmpdir(), "bloom-messages-"));
  photos = new LocalPhotoStorage(photoDir);
});
afterAll(async () => {
  await smtp.stop();
  await rm(photoDir, { recursive: true, force: true });
  await closeDbs();
});
beforeEach(async () => {
  await resetOrders(db);
  await db.$executeRawUnsafe(`DELETE FROM notify_preferences WHERE customer_id IN ('${CUSTOMER.id}', '${CUSTOMER2.id}')`);
  smtp.mails.length = 0;
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  for (const p of providers) p.close();
  workers = [];
  providers = [];
  if (!smtp.port) await smtp.start();
});

/** The real worker runtime with the email channel pointed at the test's SMTP server. */
async function startWorkerWithEmail(prefix: string, messages: WorkerConfig["messages"] = {}) {
  const email = new SmtpEmailProvider({
    db,
    smtpUrl: smtp.url,
    from: "Bloom <no-reply@bloom.test>",
    appUrl: "http://bloom.test",
    photos,
    timeoutMs: 3000,
  });
  providers.push(email);
  const w = await inProcessWorker(
    prefix,
    undefined,
    {},
    {
      messages: {
        providers: [email],
        intervalMs: 100,
        maxBackoffMs: 2000,
        ...messages,
      },
    },
  );
  workers.push(w);
  return w;
}

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const order = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const kindsOf = (orderId: string) =>
  smtp
    .for(orderId)
    .map((m) => m.header("x-bloom-message-kind") as EmailKind)
    .sort();
const sorted = (ks: EmailKind[]) => [...ks].sort();

/**
 * Every event of the order that the sender-email policy hears is handled, and none of its
 * messages is waiting: whatever is in the SMTP server now is all this order will get.
 */
async function settled(orderId: string) {
  const evs = await db.outboxEvent.findMany({
    where: { orderId, type: { in: [...POLICIES["sender-email"]] } },
    select: { id: true },
  });
  const handled = await db.processedEvent.count({
    where: { consumer: "sender-email", eventId: { in: evs.map((e) => e.id) } },
  });
  const pending = await db.notifyMessage.count({
    where: { orderId, channel: "email", status: "pending" },
  });
  return evs.length > 0 && handled === evs.length && pending === 0;
}
async function expectEmails(orderId: string, kinds: EmailKind[], timeoutMs = 20_000) {
  await waitFor(
    async () => kindsOf(orderId),
    (k) => k.length >= kinds.length,
    { what: `emails ${kinds.join(", ")}`, timeoutMs },
  );
  await waitFor(() => settled(orderId), Boolean, {
    what: "sender-email settled",
    timeoutMs,
  });
  expect(kindsOf(orderId)).toEqual(sorted(kinds));
  return smtp.for(orderId);
}

async function placed(customerId: string = CUSTOMER.id) {
  const r = await placeOrder(ctx, customerId, checkout());
  if (!r.ok) throw new Error(r.message);
  await waitFor(
    () => db.storeOrder.findUnique({ where: { orderId: r.order.id } }),
    (s) => s !== null,
    { what: "store order" },
  );
  return r.order.id;
}
async function pickedUp(id: string) {
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
  const d = await waitFor(
    () => db.delivery.findUnique({ where: { orderId: id } }),
    (x) => x?.status === "OPEN",
    { what: "open delivery" },
  );
  ok(await claimDelivery(ctx, rider, d!.id));
  ok(await confirmPickupByRider(ctx, rider, d!.id));
  await waitFor(
    () => order(id),
    (o) => o.status === "DELIVERING",
    { what: "DELIVERING" },
  );
  return d!.id;
}
async function doorPhoto(deliveryId: string) {
  const key = `${deliveryId}/${globalThis.crypto.randomUUID()}.jpg`;
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: "#c83c5a" },
  })
    .jpeg()
    .toBuffer();
  await photos.put(key, {
    bytes: new Uint8Array(bytes),
    contentType: "image/jpeg",
  });
  return { key, bytes };
}

describe("email to the sender (X1)", () => {
  it("[X1] a delivered journey in English: receipt, accepted, on its way, delivered with the door photo inline — exactly these", async () => {
    await startWorkerWithEmail(uniquePrefix("mail-journey"));
    ok(await rememberMessageLocale(db, CUSTOMER.id, "en"));
    const id = await placed();
    const deliveryId = await pickedUp(id);
    const photo = await doorPhoto(deliveryId);
    ok(
      await deliver(ctx, rider, deliveryId, {
        leftWith: null,
        note: "By the door",
        photoKey: photo.key,
      }),
    );

    const mails = await expectEmails(id, ["receipt", "accepted", "out_for_delivery", "delivered"]);
    for (const m of mails) {
      expect((Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).toBe(CUSTOMER.email);
      expect(m.header("content-language")).toBe("en");
      expect(m.html).toContain('lang="en"');
    }
    const byKind = Object.fromEntries(mails.map((m) => [m.header("x-bloom-message-kind"), m]));
    expect(byKind.receipt!.subject).toBe("Your order from Seoul Forest Florist is placed");
    // The receipt: items, fee, slot, card message, total.
    const o = await order(id);
    expect(byKind.receipt!.text).toContain("₩59,000");
    expect(byKind.receipt!.text).toContain(`Delivery fee: ₩${o.deliveryFeeWon.toLocaleString("en-US")}`);
    expect(byKind.receipt!.text).toContain(`Total: ₩${o.totalWon.toLocaleString("en-US")}`);
    expect(byKind.receipt!.text).toContain("12:00–15:00");
    if (o.giftMessage) expect(byKind.receipt!.text).toContain(o.giftMessage);
    expect(byKind.out_for_delivery!.text).toContain(RIDER.name);
    // The delivered email carries the door photo inline, referenced by its Content-ID.
    const delivered = byKind.delivered!;
    expect(delivered.subject).toMatch(/^Your bouquet was delivered to /);
    expect(delivered.text).toContain("The rider's note: By the door");
    expect(delivered.attachments).toHaveLength(1);
    const att = delivered.attachments[0]!;
    expect(att.contentType).toBe("image/jpeg");
    expect(att.cid).toBe("proof-photo@bloom");
    expect(Buffer.compare(att.content, photo.bytes)).toBe(0);
    expect(delivered.html).toContain("cid:proof-photo@bloom");
    // One row per message, all sent once.
    const rows = await db.notifyMessage.findMany({ where: { orderId: id, channel: "email" } });
    expect(rows.map((r) => [r.status, r.attempts, r.locale, r.channel])).toEqual(rows.map(() => ["sent", 1, "en", "email"]));
  });

  it("[X1] in Korean: rejected by the shop → the receipt, the rejection with the refund, the refund receipt", async () => {
    await startWorkerWithEmail(uniquePrefix("mail-reject"));
    ok(await rememberMessageLocale(db, CUSTOMER.id, "ko"));
    const id = await placed();
    ok(
      await actOnStoreOrder(ctx, owner, id, {
        kind: "reject",
        reason: "OUT_OF_FLOWERS",
        detail: null,
      }),
    );
    const mails = await expectEmails(id, ["receipt", "rejected", "refunded"]);
    const o = await order(id);
    const byKind = Object.fromEntries(mails.map((m) => [m.header("x-bloom-message-kind"), m]));
    for (const m of mails) expect(m.header("content-language")).toBe("ko");
    // W5: the shop's Korean name in a Korean email.
    expect(byKind.receipt!.subject).toBe("서울숲 꽃집 주문이 접수되었습니다");
    expect(byKind.rejected!.text).toContain("꽃 재고 부족");
    expect(byKind.rejected!.text).toContain(`₩${o.totalWon.toLocaleString("ko-KR")}이(가) 환불됩니다`);
    expect(byKind.refunded!.subject).toBe(`₩${o.totalWon.toLocaleString("ko-KR")} 환불 완료`);
  });

  it("[X1] an attempt, a new slot, then cancelled by the sender: attempted, rescheduled, cancelled and the refund (default language Korean)", async () => {
    await startWorkerWithEmail(uniquePrefix("mail-attempt"));
    const id = await placed(CUSTOMER2.id);
    const deliveryId = await pickedUp(id);
    ok(await recordAttempt(ctx, rider, deliveryId, "NOBODY_HOME", null));
    ok(await confirmBackAtShop(ctx, rider, deliveryId));
    await waitFor(
      () => db.delivery.findUniqueOrThrow({ where: { orderId: id } }),
      (d) => d.status === "RETURNED",
      { what: "back at the shop" },
    );
    const day = addDays(todayInSeoul(), 2);
    ok(
      await rescheduleDelivery(ctx, owner, id, {
        deliveryDate: day,
        timeSlot: "15-18",
        feeWon: 3000,
      }),
    );
    await waitFor(
      () => order(id),
      (o) => o.status === "DECORATED",
      { what: "cancellable again" },
    );
    ok(await cancelOrder(ctx, CUSTOMER2.id, id, "Plans changed"));
    const mails = await expectEmails(id, ["receipt", "accepted", "out_for_delivery", "attempted", "rescheduled", "cancelled", "refunded"]);
    const byKind = Object.fromEntries(mails.map((m) => [m.header("x-bloom-message-kind"), m]));
    for (const m of mails) expect(m.header("content-language")).toBe("ko");
    expect(byKind.attempted!.text).toContain("부재중");
    expect(byKind.rescheduled!.subject).toMatch(/^새 배송 시간: .* 15:00–18:00$/);
    expect(byKind.rescheduled!.text).toContain("₩3,000");
    expect(byKind.cancelled!.text).toContain("Plans changed");
  });

  it("[X1] a kind turned off is not sent (the message is skipped), receipts cannot be turned off", async () => {
    // Refused before anything is written: receipts are not a choice.
    expect(await setEmailPreferences(db, CUSTOMER.id, { optedOut: ["receipt"] })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(
      await setEmailPreferences(db, CUSTOMER.id, {
        optedOut: ["refunded", "accepted"],
      }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await setEmailPreferences(db, CUSTOMER.id, { optedOut: ["nonsense"] })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.notifyPreference.count({ where: { customerId: CUSTOMER.id } })).toBe(0);
    ok(
      await setEmailPreferences(db, CUSTOMER.id, {
        optedOut: ["accepted", "cancelled"],
      }),
    );
    expect((await emailPreferencesOf(db, CUSTOMER.id)).optedOut).toEqual(["accepted", "cancelled"]);

    const w = await startWorkerWithEmail(uniquePrefix("mail-optout"));
    const id = await placed();
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    ok(await cancelOrder(ctx, CUSTOMER.id, id, null));
    await expectEmails(id, ["receipt", "refunded"]);
    const rows = await db.notifyMessage.findMany({
      where: { orderId: id, channel: "email" },
      orderBy: { createdAt: "asc" },
    });
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.status]))).toEqual({
      receipt: "sent",
      accepted: "skipped",
      cancelled: "skipped",
      refunded: "sent",
    });
    expect(w.messages.stats.email.skipped).toBe(2);
  });
});

describe("nothing sent twice, nothing lost (X5)", () => {
  it("[X5] a redelivered event — the job again, or the policy run again without its inbox row — sends nothing twice", async () => {
    const w = await startWorkerWithEmail(uniquePrefix("mail-redeliver"));
    const id = await placed();
    await expectEmails(id, ["receipt"]);
    const row = await db.outboxEvent.findFirstOrThrow({
      where: { orderId: id, type: "OrderPlaced" },
    });
    // The same event handed to the queue again under a new job id: the inbox says duplicate.
    const again = await w.queues["sender-email"].add("OrderPlaced", row.payload, { ...JOB_OPTIONS, jobId: `${row.id}-again` });
    await waitFor(
      () => again.getState(),
      (s) => s === "completed",
      { what: "duplicate job done" },
    );
    expect((await w.queues["sender-email"].getJob(again.id!))?.returnvalue).toBe("duplicate");
    // The policy itself run twice more (as if its inbox row were lost): the idempotency key holds.
    for (let i = 0; i < 2; i++) expect(await inTransaction(db, (tx) => planSenderEmail(tx.client, parseEvent(row.payload)))).toEqual({ messagesPlanned: false });
    // A later email of the same order is sent after anything due before it: then nothing more came.
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    await expectEmails(id, ["receipt", "accepted"]);
    expect(await db.notifyMessage.count({ where: { orderId: id, channel: "email" } })).toBe(2);
    expect(new Set(smtp.for(id).map((m) => m.messageId)).size).toBe(2);
  });

  it("[X5] two workers dispatching at once never send one message twice", async () => {
    await startWorkerWithEmail(uniquePrefix("mail-two"));
    const id = await placed();
    await expectEmails(id, ["receipt"]);
    const template = await db.notifyMessage.findFirstOrThrow({
      where: { orderId: id, channel: "email" },
    });
    // A burst of 60 messages planned at once, taken by two workers' dispatchers.
    await startWorkerWithEmail(uniquePrefix("mail-two-b"));
    const burst = Array.from({ length: 60 }, () => ({
      channel: "email" as const,
      kind: "accepted",
      recipient: CUSTOMER.email,
      orderId: id,
      eventId: globalThis.crypto.randomUUID(),
      locale: "en" as const,
      payload: template.payload as Record<string, unknown>,
    }));
    expect(await db.$transaction((tx) => enqueueMessages(tx, burst))).toBe(60);
    for (const w of workers) w.messages.kick();
    await waitFor(
      async () => smtp.for(id).length,
      (n) => n >= 61,
      { what: "61 emails", timeoutMs: 30_000 },
    );
    await waitFor(
      () => db.notifyMessage.count({ where: { orderId: id, channel: "email", status: "pending" } }),
      (n) => n === 0,
      { what: "none pending" },
    );
    expect(smtp.for(id)).toHaveLength(61);
    expect(new Set(smtp.for(id).map((m) => m.messageId)).size).toBe(61);
    expect(
      await db.notifyMessage.count({
        where: { orderId: id, channel: "email", attempts: { not: 1 } },
      }),
    ).toBe(0);
    // Both took a share (the claim skips what the other holds).
    expect(workers.map((w) => w.messages.stats.email.sent).every((n) => n > 0)).toBe(true);
  });

  it("[X5] SMTP down for 60 s delays the emails, then every one is sent once; bloom_messages_total counts the retries", async () => {
    const w = await startWorkerWithEmail(uniquePrefix("mail-outage"), {
      maxBackoffMs: 2000,
    });
    await smtp.stop();
    const downAt = Date.now();
    const id = await placed();
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    const other = await placed(CUSTOMER2.id);
    ok(
      await actOnStoreOrder(ctx, owner, other, {
        kind: "reject",
        reason: "OTHER",
        detail: "Closed today",
      }),
    );
    // Keep the server down for 60 s, watching the messages retry and none get lost or sent.
    const during = await waitFor(
      async () => ({
        elapsed: Date.now() - downAt,
        rows: await db.notifyMessage.findMany({
          where: { orderId: { in: [id, other] }, channel: "email" },
          select: { status: true, attempts: true, lastError: true },
        }),
      }),
      (s) => s.elapsed >= 60_000,
      { what: "60 s of outage", timeoutMs: 75_000, everyMs: 500 },
    );
    expect(smtp.mails).toHaveLength(0);
    // receipt + accepted, receipt + rejected + refunded (the refund executor needs no email).
    expect(during.rows).toHaveLength(5);
    for (const r of during.rows) {
      expect(r.status).toBe("pending");
      // Retried every ≤ 2 s (the cap set above), not given up: an uncapped doubling would be at 6 by now.
      expect(r.attempts).toBeGreaterThan(15);
      expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    await smtp.start();
    await expectEmails(id, ["receipt", "accepted"], 30_000);
    await expectEmails(other, ["receipt", "rejected", "refunded"], 30_000);
    expect(smtp.mails).toHaveLength(5);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(5);
    expect(w.messages.stats.email.retry).toBeGreaterThan(10);
    const text = await workerMetrics(w, db, "t").metrics();
    expect(text).toMatch(new RegExp(`bloom_messages_total\\{channel="email",outcome="retry"[^}]*\\} ${w.messages.stats.email.retry}`));
    expect(text).toMatch(/bloom_messages_total\{channel="email",outcome="sent"[^}]*\} [1-9]/);
  });

  it("[X5] a message whose channel has no provider in this worker stays pending, untouched", async () => {
    await startWorkerWithEmail(uniquePrefix("mail-nochannel"));
    const id = await placed();
    await db.$transaction((tx) =>
      enqueueMessages(tx, [
        {
          channel: "sms",
          kind: "tracking",
          recipient: "010-0000-0000",
          orderId: id,
          eventId: globalThis.crypto.randomUUID(),
          locale: "ko",
          payload: {},
        },
      ]),
    );
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    await expectEmails(id, ["receipt", "accepted"]);
    expect(
      await db.notifyMessage.findFirstOrThrow({
        where: { orderId: id, channel: "sms", kind: "tracking" },
      }),
    ).toMatchObject({ status: "pending", attempts: 0, lastError: null });
  });
});

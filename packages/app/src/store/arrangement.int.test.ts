// W1 against the real PostgreSQL, Redis and worker, with the local-disk PhotoStorage in a temp
// directory: the florist's photo, the sender's one change, the approval that makes the delivery
// request, silence past the window, the typed refusals, and the sweeper run twice and at once.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  actOnStoreOrder,
  answerArrangement,
  approveLapsedArrangements,
  arrangementForSender,
  arrangementPhotoKeyFor,
  cancelOrder,
  claimDelivery,
  LocalPhotoStorage,
  placeOrder,
  setArrangementSettings,
  submitArrangementPhoto,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, OWNER2, RIDER, STORE } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const owner2 = { id: OWNER2.id, role: "OWNER" };
const sender = { id: CUSTOMER.id };
let worker: Awaited<ReturnType<typeof inProcessWorker>>;
let dir: string;
let storage: LocalPhotoStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bloom-arrangements-"));
  storage = new LocalPhotoStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeDbs();
});
const defaults = () => db.store.updateMany({ data: { requireArrangementPhoto: false, approvalWindowSeconds: 1800 } });
beforeEach(async () => {
  // Each test counts its own photo files.
  await rm(dir, { recursive: true, force: true });
  await resetOrders(db);
  await defaults();
  worker = await inProcessWorker(uniquePrefix("arrangement"), undefined, {}, { arrangementSweepMs: 100 });
});
afterEach(async () => {
  await worker.stop();
  await defaults();
});

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const photo = async (colour = "#c83c5a") => new Uint8Array(await sharp({ create: { width: 900, height: 1200, channels: 3, background: colour } }).jpeg().toBuffer());
const files = async () => (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith(".jpg"));
const eventsOf = async (orderId: string, type?: string) =>
  (await db.outboxEvent.findMany({ where: { orderId, ...(type ? { type } : {}) }, orderBy: { seq: "asc" } })).map((e) => e.payload as { type: string; payload: Record<string, unknown>; actor: { role: string } });

async function accepted(customerId = CUSTOMER.id) {
  const placed = await placeOrder(ctx, customerId, checkout());
  if (!placed.ok) throw new Error(placed.message);
  const id = placed.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  return id;
}

describe("photo approval (W1)", () => {
  it("[W1] photo required: 'done' is refused; photo → one change → photo again → the sender approves → the delivery request opens and a rider claims it", async () => {
    ok(await setArrangementSettings(db, owner, STORE.id, { required: true, windowMinutes: 30 }));
    const id = await accepted();
    expect(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" })).toMatchObject({ ok: false, code: "ARRANGEMENT_PHOTO_REQUIRED" });

    const first = await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: "peony → garden rose" });
    ok(first);
    expect(first).toMatchObject({ round: 1 });
    expect(await files()).toHaveLength(1);
    const firstKey = await arrangementPhotoKeyFor(db, { id: CUSTOMER.id, role: "CUSTOMER" }, id);
    expect(firstKey).toMatch(new RegExp(`^${id}/`));
    // Still in Accepted, and no delivery until it is approved.
    expect((await db.storeOrder.findUniqueOrThrow({ where: { orderId: id } })).status).toBe("ACCEPTED");

    ok(await answerArrangement(ctx, sender, id, { kind: "change", note: "A little more white, please" }));
    expect(await arrangementForSender(db, CUSTOMER.id, id)).toMatchObject({ status: "CHANGE_REQUESTED", changeNote: "A little more white, please", canAnswer: false });

    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo("#ffffff"), substitutions: "peony → garden rose" }));
    // The first photo is gone once the second replaced it.
    expect(await files()).toHaveLength(1);
    expect(await arrangementPhotoKeyFor(db, { id: CUSTOMER.id, role: "CUSTOMER" }, id)).not.toBe(firstKey);
    expect(await arrangementForSender(db, CUSTOMER.id, id)).toMatchObject({ status: "AWAITING", round: 2, canAnswer: true, canRequestChange: false });
    expect(await db.delivery.findUnique({ where: { orderId: id } })).toBeNull();

    ok(await answerArrangement(ctx, sender, id, { kind: "approve" }));
    const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
    ok(await claimDelivery(ctx, { id: RIDER.id, name: RIDER.name }, d!.id));

    const types = (await eventsOf(id)).map((e) => e.type);
    expect(types.filter((t) => t.startsWith("Arrangement") || t === "DecorationCompleted")).toEqual([
      "ArrangementPhotoSubmitted",
      "ArrangementChangeRequested",
      "ArrangementPhotoSubmitted",
      "ArrangementApproved",
      "DecorationCompleted",
    ]);
    const [approved] = await eventsOf(id, "ArrangementApproved");
    expect(approved).toMatchObject({ payload: { by: "sender", round: 2 }, actor: { role: "CUSTOMER" } });
    // MyPage's timeline (the projection) carries every step, the substitutions and the note.
    const row = await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => JSON.stringify(r?.timeline ?? []).includes("ArrangementApproved"), { what: "timeline" });
    const timeline = row!.timeline as { type: string; detail?: string }[];
    expect(timeline.filter((e) => e.type.startsWith("Arrangement")).map((e) => [e.type, e.detail])).toEqual([
      ["ArrangementPhotoSubmitted", "peony → garden rose"],
      ["ArrangementChangeRequested", "A little more white, please"],
      ["ArrangementPhotoSubmitted", "peony → garden rose"],
      ["ArrangementApproved", "sender"],
    ]);
    // The sender's email with the photo to approve was planned, once per photo.
    const mails = await waitFor(() => db.notifyMessage.findMany({ where: { orderId: id, kind: "arrangement_photo" } }), (m) => m.length === 2, { what: "two arrangement emails" });
    expect(mails).toHaveLength(2);
  });

  it("[W1] without a required photo the flow is as before; an optional photo still waits for the sender", async () => {
    const plain = await accepted();
    ok(await actOnStoreOrder(ctx, owner, plain, { kind: "completeDecoration" }));
    await waitFor(() => db.delivery.findUnique({ where: { orderId: plain } }), (x) => x?.status === "OPEN", { what: "open delivery" });

    const withPhoto = await accepted();
    ok(await submitArrangementPhoto(ctx, storage, owner, withPhoto, { photo: await photo(), substitutions: null }));
    expect(await actOnStoreOrder(ctx, owner, withPhoto, { kind: "completeDecoration" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[W1] refusals are typed and write nothing: not the sender, no photo, window closed, second change, wrong state, another shop, not a photo", async () => {
    const id = await accepted();
    const count = async () => (await eventsOf(id)).length;
    // No photo yet: nothing to answer; a photo submission without a file.
    expect(await answerArrangement(ctx, sender, id, { kind: "approve" })).toMatchObject({ ok: false, code: "NO_ARRANGEMENT_PHOTO" });
    expect(await submitArrangementPhoto(ctx, storage, owner, id, { photo: null, substitutions: null })).toMatchObject({ ok: false, code: "ARRANGEMENT_PHOTO_REQUIRED" });
    expect(await submitArrangementPhoto(ctx, storage, owner, id, { photo: new TextEncoder().encode("not a photo"), substitutions: null })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await submitArrangementPhoto(ctx, storage, owner2, id, { photo: await photo(), substitutions: null })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await files()).toHaveLength(0);
    const before = await count();

    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    // A second photo while the first waits for the sender.
    expect(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await files()).toHaveLength(1);
    const afterPhoto = await count();
    expect(afterPhoto).toBe(before + 1);

    expect(await answerArrangement(ctx, { id: CUSTOMER2.id }, id, { kind: "approve" })).toMatchObject({ ok: false, code: "NOT_THE_SENDER" });
    expect(await answerArrangement(ctx, { id: CUSTOMER2.id }, id, { kind: "change", note: "mine now" })).toMatchObject({ ok: false, code: "NOT_THE_SENDER" });
    expect(await answerArrangement(ctx, sender, crypto.randomUUID(), { kind: "approve" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const past = new Date(Date.now() + 31 * 60_000);
    expect(await answerArrangement(ctx, sender, id, { kind: "approve" }, past)).toMatchObject({ ok: false, code: "APPROVAL_WINDOW_CLOSED" });
    expect(await answerArrangement(ctx, sender, id, { kind: "change", note: "late" }, past)).toMatchObject({ ok: false, code: "APPROVAL_WINDOW_CLOSED" });
    expect(await count()).toBe(afterPhoto);

    ok(await answerArrangement(ctx, sender, id, { kind: "change", note: "fewer lilies" }));
    expect(await answerArrangement(ctx, sender, id, { kind: "change", note: "and more roses" })).toMatchObject({ ok: false, code: "CHANGE_ALREADY_REQUESTED" });
    expect(await answerArrangement(ctx, sender, id, { kind: "approve" })).toMatchObject({ ok: false, code: "NO_ARRANGEMENT_PHOTO" });
    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    expect(await answerArrangement(ctx, sender, id, { kind: "change", note: "once more" })).toMatchObject({ ok: false, code: "CHANGE_ALREADY_REQUESTED" });
    ok(await answerArrangement(ctx, sender, id, { kind: "approve" }));
    // Settled: another answer or photo is the wrong state.
    expect(await answerArrangement(ctx, sender, id, { kind: "approve" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect((await eventsOf(id, "ArrangementApproved")).length).toBe(1);

    // A new order takes no photo before it is accepted.
    const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!placed.ok) throw new Error(placed.message);
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId: placed.order.id } }), (s) => s !== null, { what: "store order" });
    expect(await submitArrangementPhoto(ctx, storage, owner, placed.order.id, { photo: await photo(), substitutions: null })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[W1] the photo is the sender's and the shop's only: another customer, another shop's owner and a rider get nothing", async () => {
    const id = await accepted();
    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    expect(await arrangementPhotoKeyFor(db, { id: CUSTOMER.id, role: "CUSTOMER" }, id)).not.toBeNull();
    expect(await arrangementPhotoKeyFor(db, owner, id)).not.toBeNull();
    expect(await arrangementPhotoKeyFor(db, { id: CUSTOMER2.id, role: "CUSTOMER" }, id)).toBeNull();
    expect(await arrangementPhotoKeyFor(db, owner2, id)).toBeNull();
    expect(await arrangementPhotoKeyFor(db, { id: RIDER.id, role: "RIDER" }, id)).toBeNull();
    expect(await arrangementForSender(db, CUSTOMER2.id, id)).toBeNull();
  });

  it("[W1] silence past the window approves by itself (the worker's sweeper, a 1 s window): the order goes out", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { requireArrangementPhoto: true, approvalWindowSeconds: 1 } });
    const id = await accepted();
    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery after the window lapsed" });
    const [approved] = await eventsOf(id, "ArrangementApproved");
    expect(approved).toMatchObject({ payload: { by: "timeout", round: 1 }, actor: { role: "SYSTEM" } });
    expect(await answerArrangement(ctx, sender, id, { kind: "change", note: "too late" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[W1] a window that lapses while no worker runs is approved by the next worker to start (the due time is a column)", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { approvalWindowSeconds: 1 } });
    const id = await accepted();
    await worker.stop();
    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    // Wait (by polling the clock, not sleeping) until the window is over with nobody to sweep.
    await waitFor(() => db.storeArrangement.count({ where: { orderId: id, dueAt: { lt: new Date() } } }), (n) => n === 1, { what: "the window lapsed" });
    expect((await db.storeArrangement.findUniqueOrThrow({ where: { orderId: id } })).status).toBe("AWAITING");
    worker = await inProcessWorker(uniquePrefix("arrangement-restart"), undefined, {}, { arrangementSweepMs: 100 });
    await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery after the restart" });
    expect(await eventsOf(id, "ArrangementApproved")).toHaveLength(1);
  });

  it("[W1] the timeout approval is idempotent: sweepers run twice and eight at once write one approval and one DecorationCompleted", async () => {
    await worker.stop();
    const ids: string[] = [];
    worker = await inProcessWorker(uniquePrefix("arrangement-race"), undefined, {}, { arrangementSweepMs: 3_600_000 });
    for (let i = 0; i < 3; i++) {
      const id = await accepted();
      ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
      ids.push(id);
    }
    const later = new Date(Date.now() + 31 * 60_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => approveLapsedArrangements(db, later)));
    expect(results.reduce((n, r) => n + r.approved, 0)).toBe(3);
    expect((await approveLapsedArrangements(db, later)).approved).toBe(0);
    for (const id of ids) {
      expect(await eventsOf(id, "ArrangementApproved")).toHaveLength(1);
      expect(await eventsOf(id, "DecorationCompleted")).toHaveLength(1);
      await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
    }
    expect(await db.delivery.count({ where: { orderId: { in: ids } } })).toBe(3);
  });

  it("[W1] an order cancelled while its photo waits is withdrawn by the sweeper, with no approval", async () => {
    const id = await accepted();
    ok(await submitArrangementPhoto(ctx, storage, owner, id, { photo: await photo(), substitutions: null }));
    ok(await cancelOrder(ctx, CUSTOMER.id, id, "changed my mind"));
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s?.status === "CANCELLED", { what: "store order cancelled" });
    expect(await approveLapsedArrangements(db, new Date(Date.now() + 31 * 60_000))).toMatchObject({ approved: 0, withdrawn: 1 });
    expect(await eventsOf(id, "ArrangementApproved")).toHaveLength(0);
    expect(await eventsOf(id, "DecorationCompleted")).toHaveLength(0);
    expect(await answerArrangement(ctx, sender, id, { kind: "approve" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});

// D5 against the real PostgreSQL, Redis and worker, with the local-disk PhotoStorage in a temp
// directory: the photo is stripped and stored, a refusal leaves no file, and the proof is shown to
// the order's customer, its shop's owner and its rider only.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  actOnStoreOrder,
  claimDelivery,
  confirmPickupByRider,
  deliverWithProof,
  doorProofFor,
  LocalPhotoStorage,
  placeOrder,
  type Rider,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, OWNER2, RIDER, RIDER2 } from "../../../../test/support/fixtures";

const ADMIN = { id: "00000000-0000-4000-8000-000000000007" }; // the seeded operator
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
const rider2: Rider = { id: RIDER2.id, name: RIDER2.name };
let worker: Awaited<ReturnType<typeof inProcessWorker>>;
let dir: string;
let storage: LocalPhotoStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bloom-photos-"));
  storage = new LocalPhotoStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeDbs();
});
beforeEach(async () => {
  await resetOrders(db);
  await db.store.updateMany({ data: { requireDeliveryPhoto: false } });
  worker = await inProcessWorker(uniquePrefix("proof"));
});
afterEach(async () => {
  await worker.stop();
  await db.store.updateMany({ data: { requireDeliveryPhoto: false } });
});

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const files = async () => (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".jpg"));
const gpsPhoto = async () =>
  new Uint8Array(
    await sharp({ create: { width: 2000, height: 1500, channels: 3, background: "#c83c5a" } })
      .jpeg()
      .withExif({ IFD0: { Make: "Bloomphone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "37/1 33/1 59/1", GPSLongitudeRef: "E", GPSLongitude: "126/1 58/1 40/1" } })
      .toBuffer(),
  );

async function onTheWay() {
  const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!placed.ok) throw new Error(placed.message);
  const id = placed.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
  const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
  ok(await claimDelivery(ctx, rider, d!.id));
  ok(await confirmPickupByRider(ctx, rider, d!.id));
  return { id, deliveryId: d!.id };
}

describe("proof of delivery (D5)", () => {
  it("[D5] the photo is stored stripped of GPS; only the order's customer, its shop's owner and its rider see the proof", async () => {
    const { id, deliveryId } = await onTheWay();
    ok(await deliverWithProof(ctx, storage, rider, deliveryId, { photo: await gpsPhoto(), note: "Left by the door", leftWith: null }));
    const d = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(d.proofPhotoKey).toMatch(new RegExp(`^${deliveryId}/`));
    const stored = await storage.get(d.proofPhotoKey!);
    const meta = await sharp(stored!.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);

    for (const viewer of [{ id: CUSTOMER.id, role: "CUSTOMER" }, owner, { id: RIDER.id, role: "RIDER" }, { id: ADMIN.id, role: "ADMIN" }]) {
      expect(await doorProofFor(db, viewer, id), viewer.role).toMatchObject({ photoKey: d.proofPhotoKey, note: "Left by the door" });
    }
    for (const viewer of [{ id: CUSTOMER2.id, role: "CUSTOMER" }, { id: OWNER2.id, role: "OWNER" }, { id: RIDER2.id, role: "RIDER" }, { id: CUSTOMER.id, role: "RIDER" }]) {
      expect(await doorProofFor(db, viewer, id), `${viewer.role} ${viewer.id}`).toBeNull();
    }
    expect(await doorProofFor(db, { id: CUSTOMER.id, role: "CUSTOMER" }, globalThis.crypto.randomUUID())).toBeNull();
  });

  it("[D5] a refused delivery keeps no photo: another rider's upload, a non-image, a required photo missing", async () => {
    await db.store.updateMany({ data: { requireDeliveryPhoto: true } });
    const { deliveryId } = await onTheWay();
    const before = await files();
    expect(await deliverWithProof(ctx, storage, rider2, deliveryId, { photo: await gpsPhoto(), note: null, leftWith: null })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await deliverWithProof(ctx, storage, rider, deliveryId, { photo: new TextEncoder().encode("not a photo"), note: null, leftWith: null })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await deliverWithProof(ctx, storage, rider, deliveryId, { photo: null, note: "rang", leftWith: null })).toMatchObject({ ok: false, code: "PHOTO_REQUIRED" });
    expect(await files()).toEqual(before);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("STARTED");
    ok(await deliverWithProof(ctx, storage, rider, deliveryId, { photo: await gpsPhoto(), note: null, leftWith: "Concierge Park" }));
    expect(await files()).toHaveLength(before.length + 1);
    expect(await db.outboxEvent.count({ where: { type: "DeliveryLeftWithNeighbour", payload: { path: ["payload", "proof", "photo"], equals: true } } })).toBe(1);
  });
});

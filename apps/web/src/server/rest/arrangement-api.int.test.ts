// W1 in the public REST API: GET /api/v1/orders/{id} carries the photo approval — its status, the
// substitutions, the change note, the due time, who approved and every step — checked against the
// OpenAPI document, for the partner whose order it is (the partner's account is the sender).
// First: reserves the file's sandbox processor and sets PROCESSOR_URL before ~/env is read below.
import "../../../../../test/support/processor";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { actOnStoreOrder, answerArrangement, createApiClient, LocalPhotoStorage, submitArrangementPhoto } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenRoute } from "~/app/api/oauth/token/route";
import { GET as orderRoute } from "~/app/api/v1/orders/[orderId]/route";
import { POST as ordersRoute } from "~/app/api/v1/orders/route";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, OWNER } from "../../../../../test/support/fixtures";
import { contract } from "../../../../../test/support/openapi-contract";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../../test/support/worker";
import type { WorkerRuntime } from "../../../../../apps/worker/src/runtime";
import { services } from "../services";
import { openApiDocument } from "./openapi";

const BASE = "http://localhost:3000";
const svc = services();
const { db } = svc;
const { check } = contract(openApiDocument());
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let worker: WorkerRuntime;
let dir: string;

beforeAll(async () => {
  await resetOrders(db);
  worker = await inProcessWorker(uniquePrefix("arrangement-api"));
  dir = await mkdtemp(path.join(tmpdir(), "bloom-arrangement-api-"));
});
afterAll(async () => {
  await worker?.stop();
  await rm(dir, { recursive: true, force: true });
  await closeDbs();
});

async function call(route: Route, template: string, method: "get" | "post", url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const res = await route(new Request(BASE + url, { method: method.toUpperCase(), ...init }), { params: Promise.resolve(params) });
  return { status: res.status, body: await check<Json>(template, method, res) };
}

describe("public API: photo approval (W1)", () => {
  it("[W1][C8] the order view carries the arrangement and its steps, per the OpenAPI document", async () => {
    const client = await createApiClient(db, { name: "Snap partner (test)", scopes: "orders:read orders:write" });
    const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;
    const token = (
      await call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", {
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials" }),
      })
    ).body.access_token as string;
    const { idempotencyKey: _k, ...body } = checkout();
    const placed = await call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderId = placed.body.id as string;
    const get = () => call(orderRoute as Route, "/api/v1/orders/{orderId}", "get", `/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } }, { orderId });
    expect((await get()).body.arrangement).toBeNull();

    const owner = { id: OWNER.id, role: "OWNER" };
    const ctx = { ...svc, log: svc.log };
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId } }), (s) => s !== null, { what: "store order" });
    expect(await actOnStoreOrder(ctx, owner, orderId, { kind: "accept" })).toMatchObject({ ok: true });
    const image = new Uint8Array(await sharp({ create: { width: 600, height: 800, channels: 3, background: "#e4587a" } }).jpeg().toBuffer());
    expect(await submitArrangementPhoto(ctx, new LocalPhotoStorage(dir), owner, orderId, { photo: image, substitutions: "peony → garden rose" })).toMatchObject({ ok: true });
    const waiting = (await get()).body.arrangement;
    expect(waiting).toMatchObject({ status: "AWAITING", round: 1, substitutions: "peony → garden rose", changeNote: null, approvedBy: null });
    expect(Date.parse(waiting.approvalDueAt)).toBeGreaterThan(Date.now());
    expect(waiting.steps).toEqual([expect.objectContaining({ type: "ArrangementPhotoSubmitted", round: 1, substitutions: "peony → garden rose" })]);

    expect(await answerArrangement(ctx, { id: client.userId }, orderId, { kind: "approve" })).toMatchObject({ ok: true });
    const approved = (await get()).body;
    expect(approved.arrangement).toMatchObject({ status: "APPROVED", approvedBy: "sender", approvalDueAt: null });
    expect(approved.arrangement.steps.map((s: Json) => s.type)).toEqual(["ArrangementPhotoSubmitted", "ArrangementApproved"]);
    expect(approved.arrangement.steps[1]).toMatchObject({ by: "sender", round: 1 });
  });
});

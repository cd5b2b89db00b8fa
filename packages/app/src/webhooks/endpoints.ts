// X4: a partner's webhook endpoints (REST, scope webhooks:manage): register, list, change, delete,
// rotate the signing secret. Each endpoint belongs to one API client; another client's endpoint
// answers NOT_FOUND like one that does not exist. The secret (Standard Webhooks' whsec_ + base64
// of 32 random bytes) is returned by create and rotate only.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@bloom/db";
import type { WebhookSecretBox } from "./secret-box";
import {
  MAX_WEBHOOK_ENDPOINTS,
  refuse,
  type CreateWebhookEndpoint,
  type Refusal,
  type UpdateWebhookEndpoint,
  type WebhookEventType,
} from "@bloom/domain";

export type WebhookOwner = { clientId: string; userId: string };

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

type Row = { id: string; url: string; description: string | null; eventTypes: string[]; enabled: boolean; createdAt: Date; updatedAt: Date };
const view = (r: Row): WebhookEndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.eventTypes as WebhookEventType[],
  enabled: r.enabled,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
const select = { id: true, url: true, description: true, eventTypes: true, enabled: true, createdAt: true, updatedAt: true } as const;

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
const notFound = (): Refusal => refuse("NOT_FOUND", "Webhook endpoint not found");

export async function createWebhookEndpoint(
  db: Db,
  box: WebhookSecretBox,
  owner: WebhookOwner,
  input: CreateWebhookEndpoint,
): Promise<{ ok: true; endpoint: WebhookEndpointView; secret: string } | Refusal> {
  const secret = newWebhookSecret();
  const id = randomUUID();
  // The count and the insert under one lock per client, so two registrations at once cannot pass the limit together.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${owner.clientId}`}))`;
    const n = await tx.webhookEndpoint.count({ where: { clientId: owner.clientId } });
    if (n >= MAX_WEBHOOK_ENDPOINTS) return refuse("VALIDATION", `url: A client can register at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first`);
    const row = await tx.webhookEndpoint.create({
      data: {
        id,
        clientId: owner.clientId,
        userId: owner.userId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        secret: box.seal(id, secret),
      },
      select,
    });
    return { ok: true as const, endpoint: view(row), secret };
  });
}

export async function listWebhookEndpoints(db: Db, owner: WebhookOwner): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { clientId: owner.clientId }, orderBy: { createdAt: "asc" }, select });
  return rows.map(view);
}

export async function getWebhookEndpoint(db: Db, owner: WebhookOwner, id: string): Promise<WebhookEndpointView | null> {
  const row = await db.webhookEndpoint.findFirst({ where: { id, clientId: owner.clientId }, select });
  return row ? view(row) : null;
}

export async function updateWebhookEndpoint(
  db: Db,
  owner: WebhookOwner,
  id: string,
  input: UpdateWebhookEndpoint,
): Promise<{ ok: true; endpoint: WebhookEndpointView } | Refusal> {
  const n = await db.webhookEndpoint.updateMany({
    where: { id, clientId: owner.clientId },
    data: {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    },
  });
  if (!n.count) return notFound();
  const endpoint = await getWebhookEndpoint(db, owner, id);
  return endpoint ? { ok: true, endpoint } : notFound();
}

/** Deletes the endpoint with its delivery log; deliveries still queued find nothing and stop. */
export async function deleteWebhookEndpoint(db: Db, owner: WebhookOwner, id: string): Promise<{ ok: true } | Refusal> {
  const n = await db.webhookEndpoint.deleteMany({ where: { id, clientId: owner.clientId } });
  return n.count ? { ok: true } : notFound();
}

/** A new secret at once: every attempt from now on (retries of older deliveries too) is signed with it. */
export async function rotateWebhookSecret(db: Db, box: WebhookSecretBox, owner: WebhookOwner, id: string): Promise<{ ok: true; secret: string } | Refusal> {
  const secret = newWebhookSecret();
  const n = await db.webhookEndpoint.updateMany({ where: { id, clientId: owner.clientId }, data: { secret: box.seal(id, secret) } });
  return n.count ? { ok: true, secret } : notFound();
}

/** A revoked client's endpoints (the identity CLI calls this): nothing more is planned or sent to them. */
export async function disableWebhookEndpointsOf(db: Db, clientId: string): Promise<number> {
  const n = await db.webhookEndpoint.updateMany({ where: { clientId, enabled: true }, data: { enabled: false } });
  return n.count;
}

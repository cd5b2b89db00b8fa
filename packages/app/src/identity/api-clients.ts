// Partners' API clients (OAuth2 client credentials). Each client acts as a CUSTOMER account of its
// own, created with it, so its orders are that account's and it sees only the orders it placed.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "@bloom/db";
import { API_SCOPES, parseScopes, type ApiScope } from "@bloom/domain";
import { dummySecretHash, hashClientSecret, verifyClientSecret } from "./client-secrets";

export type ApiClientSummary = { id: string; name: string; scopes: ApiScope[]; userId: string; createdAt: Date; revokedAt: Date | null };

const asScopes = (s: string[]) => s.filter((x): x is ApiScope => (API_SCOPES as readonly string[]).includes(x));

/** Creates a client and its account. The secret is returned here once and stored only hashed. */
export async function createApiClient(db: Db, input: { name: string; scopes: string }) {
  const name = input.name.trim();
  if (!name || name.length > 80) throw new Error("A client needs a name of 1-80 characters");
  const parsed = parseScopes(input.scopes);
  if (!parsed.ok) throw new Error(parsed.message);
  if (parsed.scopes.length === 0) throw new Error("Give the client at least one scope");
  const clientId = `bloom_${randomBytes(12).toString("base64url")}`;
  const clientSecret = `bks_${randomBytes(32).toString("base64url")}`;
  const secretHash = await hashClientSecret(clientSecret);
  // Nobody signs in as this account: its password is random and thrown away.
  const passwordHash = await bcrypt.hash(randomBytes(32).toString("base64url"), 10);
  const client = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: `${clientId.toLowerCase()}@api-clients.bloom.invalid`, name, role: "CUSTOMER", passwordHash },
    });
    return tx.apiClient.create({ data: { id: clientId, name, secretHash, scopes: parsed.scopes, userId: user.id } });
  });
  return { clientId, clientSecret, name, scopes: parsed.scopes, userId: client.userId };
}

/** The client for these credentials, or null (unknown, wrong secret or revoked) in equal time. */
export async function authenticateApiClient(db: Db, clientId: string, secret: string): Promise<ApiClientSummary | null> {
  const client = clientId.length <= 100 ? await db.apiClient.findUnique({ where: { id: clientId } }) : null;
  const ok = await verifyClientSecret(secret, client?.secretHash ?? (await dummySecretHash()));
  if (!client || !ok || client.revokedAt) return null;
  return summary(client);
}

/** The active client behind a token's subject, or null when it was revoked or removed. */
export async function findActiveApiClient(db: Db, clientId: string): Promise<ApiClientSummary | null> {
  const client = await db.apiClient.findUnique({ where: { id: clientId } });
  return client && !client.revokedAt ? summary(client) : null;
}

export async function listApiClients(db: Db): Promise<ApiClientSummary[]> {
  return (await db.apiClient.findMany({ orderBy: { createdAt: "asc" } })).map(summary);
}

/** Revoked clients get no new tokens, and their unexpired tokens stop working at once. */
export async function revokeApiClient(db: Db, clientId: string): Promise<boolean> {
  const n = await db.apiClient.updateMany({ where: { id: clientId, revokedAt: null }, data: { revokedAt: new Date() } });
  return n.count === 1;
}

function summary(c: { id: string; name: string; scopes: string[]; userId: string; createdAt: Date; revokedAt: Date | null }): ApiClientSummary {
  return { id: c.id, name: c.name, scopes: asScopes(c.scopes), userId: c.userId, createdAt: c.createdAt, revokedAt: c.revokedAt };
}

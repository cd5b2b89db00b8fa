// The keys that sign API access tokens (ES256). The newest active key signs; every key not yet
// retired is published in the JWKS, so tokens signed before a rotation verify until they expire.
// A fresh database gets its first key on first use.
import type { Db, Tx } from "@bloom/db";
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWSHeaderParameters,
  type FlattenedJWSInput,
} from "jose";

export const SIGNING_ALG = "ES256";
// Any constant: serialises concurrent first-key creation across processes.
const FIRST_KEY_LOCK = 0x0b100;

export type SigningKeyInfo = { kid: string; algorithm: string; active: boolean; createdAt: Date; retiredAt: Date | null };

async function newKey(db: Db | Tx) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await db.signingKey.create({
    data: {
      kid,
      algorithm: SIGNING_ALG,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALG, use: "sig" },
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG },
    },
  });
  return kid;
}

/** Adds a new active key that signs from now on; older keys stop signing but still verify. */
export async function rotateSigningKey(db: Db): Promise<string> {
  const kid = await newKey(db);
  await db.signingKey.updateMany({ where: { kid: { not: kid }, active: true }, data: { active: false } });
  return kid;
}

/** Removes a key from the JWKS: tokens it signed stop verifying. The signing key cannot be retired. */
export async function retireSigningKey(db: Db, kid: string): Promise<"retired" | "unknown" | "active"> {
  const key = await db.signingKey.findUnique({ where: { kid } });
  if (!key || key.retiredAt) return "unknown";
  if (key.active) return "active";
  await db.signingKey.update({ where: { kid }, data: { retiredAt: new Date() } });
  return "retired";
}

export async function listSigningKeys(db: Db): Promise<SigningKeyInfo[]> {
  return db.signingKey.findMany({
    orderBy: { createdAt: "asc" },
    select: { kid: true, algorithm: true, active: true, createdAt: true, retiredAt: true },
  });
}

/** Per process: loads keys from the database, creating the first one, and caches the public set. */
export class SigningKeys {
  private jwksCache: { at: number; jwks: JSONWebKeySet; resolve: ReturnType<typeof createLocalJWKSet> } | null = null;
  private privateKeys = new Map<string, CryptoKey>();
  private lastForcedReload = 0;
  private unknownKids = new Map<string, number>();

  /** cacheMs: how long a published key set is reused before it is read again (retirement delay). */
  constructor(
    private readonly db: Db,
    private readonly cacheMs = 60_000,
  ) {}

  /** The key that signs now (read each time, so a rotation applies at once in every process). */
  async signing(): Promise<{ kid: string; key: CryptoKey }> {
    const row = (await this.newestActive()) ?? (await this.createFirst());
    let key = this.privateKeys.get(row.kid);
    if (!key) {
      key = (await importJWK(row.privateJwk as JWK, SIGNING_ALG)) as CryptoKey;
      this.privateKeys.set(row.kid, key);
    }
    return { kid: row.kid, key };
  }

  /** The public keys, as served at the JWKS endpoint. */
  async jwks(): Promise<JSONWebKeySet> {
    return (await this.snapshot(false)).jwks;
  }

  /** jose key resolver for jwtVerify: picks the published key by the token's kid. */
  readonly verificationKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    let snap = await this.snapshot(false);
    const kid = header.kid ?? "";
    const known = snap.jwks.keys.some((k) => k.kid === kid);
    // An unknown kid may be a key rotated in moments ago: read the keys again. Throttled (per kid
    // and overall) so that tokens with made-up kids cannot turn into a query each.
    const now = Date.now();
    if (!known && now - (this.unknownKids.get(kid) ?? 0) > 10_000 && now - this.lastForcedReload > 100) {
      if (this.unknownKids.size > 1000) this.unknownKids.clear();
      this.unknownKids.set(kid, now);
      this.lastForcedReload = now;
      snap = await this.snapshot(true);
    }
    return snap.resolve(header, token);
  };

  private async snapshot(force: boolean) {
    if (!force && this.jwksCache && Date.now() - this.jwksCache.at < this.cacheMs) return this.jwksCache;
    let rows = await this.published();
    if (rows.length === 0) {
      await this.createFirst();
      rows = await this.published();
    }
    const jwks = { keys: rows.map((r) => r.publicJwk as JWK) };
    this.jwksCache = { at: Date.now(), jwks, resolve: createLocalJWKSet(jwks) };
    return this.jwksCache;
  }

  private published() {
    return this.db.signingKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  }

  private newestActive() {
    return this.db.signingKey.findFirst({ where: { active: true, retiredAt: null }, orderBy: { createdAt: "desc" } });
  }

  private async createFirst() {
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_KEY_LOCK})`;
      const exists = await tx.signingKey.findFirst({ where: { active: true, retiredAt: null } });
      if (!exists) await newKey(tx);
    });
    return (await this.newestActive())!;
  }
}

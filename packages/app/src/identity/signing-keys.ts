// The keys that sign API access tokens (ES256). The newest active key signs; every key not yet
// retired is published in the JWKS, so tokens signed before a rotation verify until they expire.
// A fresh database gets its first key on first use. Private keys are stored sealed (key-wrap.ts);
// a key stored in plain by an earlier version is sealed the first time it is used.
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
import { isSealed, KeyUnsealError, type KeyWrap } from "./key-wrap";

export const SIGNING_ALG = "ES256";
// Any constant: serialises concurrent first-key creation across processes.
const FIRST_KEY_LOCK = 0x0b100;

export type SigningKeyInfo = { kid: string; algorithm: string; active: boolean; createdAt: Date; retiredAt: Date | null };

async function newKey(db: Db | Tx, wrap: KeyWrap) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await db.signingKey.create({
    data: {
      kid,
      algorithm: SIGNING_ALG,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALG, use: "sig" },
      privateJwk: wrap.seal(kid, { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG }),
    },
  });
  return kid;
}

/** Adds a new active key that signs from now on; older keys stop signing but still verify. */
export async function rotateSigningKey(db: Db, wrap: KeyWrap): Promise<string> {
  const kid = await newKey(db, wrap);
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
  private unopenable = new Set<string>();

  /**
   * wrap: opens the stored private keys. cacheMs: how long a published key set is reused before it
   * is read again (retirement delay). warn: told when a key does not open with this secret.
   */
  constructor(
    private readonly db: Db,
    private readonly wrap: KeyWrap,
    private readonly cacheMs = 60_000,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /**
   * The key that signs now: the newest active key that opens with this process's secret (read each
   * time, so a rotation applies at once in every process). If none opens — the secret was changed —
   * a new key is created and signs; the old public keys stay published, so tokens already issued
   * keep verifying until they expire.
   */
  async signing(): Promise<{ kid: string; key: CryptoKey }> {
    for (const row of await this.activeKeys(this.db)) {
      const key = await this.privateKey(row);
      if (key) return { kid: row.kid, key };
    }
    return this.createUsable();
  }

  private async privateKey(row: { kid: string; privateJwk: unknown }): Promise<CryptoKey | null> {
    const cached = this.privateKeys.get(row.kid);
    if (cached) return cached;
    if (this.unopenable.has(row.kid)) return null;
    let jwk: object;
    if (isSealed(row.privateJwk)) {
      try {
        jwk = this.wrap.open(row.kid, row.privateJwk);
      } catch (e) {
        if (!(e instanceof KeyUnsealError)) throw e;
        this.unopenable.add(row.kid);
        this.warn(e.message);
        return null;
      }
    } else {
      jwk = row.privateJwk as object;
      const sealed = JSON.stringify(this.wrap.seal(row.kid, jwk));
      await this.db.$executeRaw`UPDATE identity_signing_keys SET private_jwk = ${sealed}::jsonb WHERE kid = ${row.kid} AND private_jwk->>'sealed' IS NULL`;
    }
    const key = (await importJWK(jwk as JWK, SIGNING_ALG)) as CryptoKey;
    this.privateKeys.set(row.kid, key);
    return key;
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
      await this.createUsable();
      rows = await this.published();
    }
    const jwks = { keys: rows.map((r) => r.publicJwk as JWK) };
    this.jwksCache = { at: Date.now(), jwks, resolve: createLocalJWKSet(jwks) };
    return this.jwksCache;
  }

  private published() {
    return this.db.signingKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  }

  private activeKeys(db: Db | Tx) {
    return db.signingKey.findMany({ where: { active: true, retiredAt: null }, orderBy: { createdAt: "desc" } });
  }

  /** Under a lock, so that processes starting together create one key, not one each. */
  private async createUsable(): Promise<{ kid: string; key: CryptoKey }> {
    const kid = await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_KEY_LOCK})`;
      const rows = await this.activeKeys(tx);
      for (const row of rows) if (await this.privateKey(row)) return row.kid;
      if (rows.length > 0) this.warn("no active signing key opens with this secret: a new key is created and signs from now on");
      return newKey(tx, this.wrap);
    });
    const row = await this.db.signingKey.findUniqueOrThrow({ where: { kid } });
    return { kid, key: (await this.privateKey(row))! };
  }
}

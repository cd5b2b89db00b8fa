// next-auth's session JWT (v4's format: a compact JWE, "dir" + A256GCM, key = HKDF-SHA256(secret,
// salt, "NextAuth.js Generated Encryption Key"), claims iat/exp/jti, 15 s clock tolerance), coded
// with node:crypto directly and the key derived once per secret. Every signed-in request decodes
// and re-encodes its session: the per-call HKDF and jose's WebCrypto round trips were ~10 % of the
// web's CPU under load (`npm run bench:profile`). Tokens are interchangeable with next-auth's own
// encode/decode (tested both ways), so sessions survive the change. Decoding takes only the exact
// lengths A256GCM writes (12-byte IV, 16-byte tag) in canonical base64url (S2): GCM verifies a tag
// cut to 4 bytes if asked to, and a cut tag is forged by trying 2^32 tokens, not 2^128.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const HEADER = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
const CLOCK_TOLERANCE_SEC = 15;
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A base64url segment's bytes, refusing any other spelling of them (padding bits, stray characters). */
function segment(text: string, name: string, bytes?: number): Buffer {
  const b = Buffer.from(text, "base64url");
  if (b.toString("base64url") !== text) throw new Error(`session token: ${name} is not canonical base64url`);
  if (bytes !== undefined && b.length !== bytes) throw new Error(`session token: ${name} must be ${bytes} bytes`);
  return b;
}

const derivedKeys = new Map<string, Buffer>();
function encryptionKey(secret: string | Buffer, salt = ""): Buffer {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    derivedKeys.set(id, key);
  }
  return key;
}

export const sessionCodec = {
  async encode({ token, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    const claims = { ...token, iat, exp: iat + maxAge, jti: globalThis.crypto.randomUUID() };
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encryptionKey(secret, salt), iv);
    cipher.setAAD(Buffer.from(HEADER, "ascii"));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims), "utf8"), cipher.final()]);
    return `${HEADER}..${iv.toString("base64url")}.${ciphertext.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
  },

  /** The claims, or a throw (next-auth then treats the request as signed out). */
  async decode({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
    if (!token) return null;
    const parts = token.split(".");
    if (parts.length !== 5 || parts[1] !== "") throw new Error("session token: not a compact JWE with direct encryption");
    const [header, , iv, ciphertext, tag] = parts as [string, string, string, string, string];
    const h = JSON.parse(segment(header, "header").toString("utf8")) as Record<string, unknown>;
    if (typeof h !== "object" || h === null || h.alg !== "dir" || h.enc !== "A256GCM" || "zip" in h || "crit" in h) {
      throw new Error("session token: unsupported header");
    }
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(secret, salt), segment(iv, "IV", IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(header, "ascii"));
    decipher.setAuthTag(segment(tag, "tag", TAG_BYTES));
    const plain = Buffer.concat([decipher.update(segment(ciphertext, "ciphertext")), decipher.final()]).toString("utf8");
    const claims = JSON.parse(plain) as JWT & { exp?: unknown };
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) throw new Error("session token: claims are not an object");
    if (typeof claims.exp !== "number" || claims.exp < Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_SEC) {
      throw new Error("session token: expired");
    }
    return claims;
  },
};

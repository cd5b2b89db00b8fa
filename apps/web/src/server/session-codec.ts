import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// next-auth's own JWT codec, with one change: the encryption key is derived (HKDF) once per secret
// instead of on every call. Every signed-in request decodes and re-encodes its session, and the
// derivation was ~6 % of the web process's CPU under load (`npm run bench:profile`). The tokens
// are identical in format (JWE dir + A256GCM, key = HKDF-SHA256(secret, salt, "NextAuth.js
// Generated Encryption Key"), iat/exp/jti, 15 s clock tolerance), so existing sessions stay valid.
const derivedKeys = new Map<string, Uint8Array>();
function encryptionKey(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    derivedKeys.set(id, key);
  }
  return key;
}
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
export const sessionCodec = {
  async encode({ token, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
    return new EncryptJWT(token ?? {})
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
      .setJti(globalThis.crypto.randomUUID())
      .encrypt(encryptionKey(secret, salt));
  },
  async decode({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
    if (!token) return null;
    const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
    return payload as JWT;
  },
};

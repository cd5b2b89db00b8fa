// Private signing keys are stored sealed (AES-256-GCM) under a key derived from a secret the
// database does not hold (KEY_ENCRYPTION_SECRET, else AUTH_SECRET): a copy of the database, a
// backup or a read-only leak does not let anyone sign access tokens. The kid is bound in as
// associated data, so a sealed key copied onto another row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type SealedKey = { sealed: "A256GCM"; iv: string; tag: string; ct: string };

export class KeyUnsealError extends Error {}

export const isSealed = (v: unknown): v is SealedKey => typeof v === "object" && v !== null && (v as SealedKey).sealed === "A256GCM";

export class KeyWrap {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error("The key-encryption secret must be at least 16 characters");
    this.key = Buffer.from(hkdfSync("sha256", secret, "bloom identity_signing_keys", "private_jwk A256GCM v1", 32));
  }

  seal(kid: string, value: object): SealedKey {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv).setAAD(Buffer.from(kid));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return { sealed: "A256GCM", iv: iv.toString("base64url"), tag: cipher.getAuthTag().toString("base64url"), ct: ct.toString("base64url") };
  }

  /** Opens a sealed value; throws KeyUnsealError when it was sealed under another secret or altered. */
  open(kid: string, sealed: SealedKey): object {
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(sealed.iv, "base64url")).setAAD(Buffer.from(kid));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, "base64url")), decipher.final()]);
      return JSON.parse(plain.toString("utf8")) as object;
    } catch {
      throw new KeyUnsealError(`signing key ${kid} does not open with this KEY_ENCRYPTION_SECRET / AUTH_SECRET`);
    }
  }
}

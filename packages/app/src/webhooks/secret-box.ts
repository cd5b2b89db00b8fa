// X4: webhook signing secrets are stored sealed (AES-256-GCM) under a key derived from
// KEY_ENCRYPTION_SECRET (else AUTH_SECRET), which the database does not hold — as the API's
// private signing keys are (identity/key-wrap.ts), with a key of its own (another HKDF info). A
// copy of the database cannot forge a partner's webhooks. The endpoint id is the associated data,
// so a sealed secret copied onto another endpoint does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** The development default of web and worker alike (production sets AUTH_SECRET). */
export const DEVELOPMENT_SEAL_SECRET = "bloom-development-secret-not-for-production";

export class WebhookSecretUnsealError extends Error {}

export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error("The key-encryption secret must be at least 16 characters");
    this.key = Buffer.from(hkdfSync("sha256", secret, "bloom webhook_endpoints", "secret A256GCM v1", 32));
  }

  seal(endpointId: string, plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv).setAAD(Buffer.from(endpointId));
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["A256GCM", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
  }

  open(endpointId: string, stored: string): string {
    const [alg, iv, tag, ct] = stored.split(".");
    try {
      if (alg !== "A256GCM" || !iv || !tag || !ct) throw new Error("not sealed");
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url")).setAAD(Buffer.from(endpointId));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new WebhookSecretUnsealError("the endpoint's secret does not open with this KEY_ENCRYPTION_SECRET / AUTH_SECRET: rotate it");
    }
  }
}

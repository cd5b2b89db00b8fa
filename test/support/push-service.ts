// A local stand-in for a Web Push service (X3 tests): an HTTP server on 127.0.0.1 that records each
// POST to /push/<device>, answers 201 (or 410 for a device marked gone), and can be taken down and
// brought back on the same port. Beside it, what a browser would do with the message: a device's
// key pair and auth secret, the aes128gcm decryption (RFC 8188 + RFC 8291) written here with
// node:crypto — independent of web-push's own code — and the VAPID check (RFC 8292) with jose.
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";

export type PushRequest = { device: string; headers: IncomingMessage["headers"]; body: Buffer; at: number };

/** A browser's side of one subscription: its ECDH P-256 key pair and auth secret. */
export class TestDevice {
  readonly ecdh = createECDH("prime256v1");
  readonly authSecret = randomBytes(16);
  constructor(
    readonly name: string,
    readonly endpoint: string,
  ) {
    this.ecdh.generateKeys();
  }
  /** What PushSubscription.toJSON() would give. */
  subscription(locale: "ko" | "en" = "ko") {
    return {
      endpoint: this.endpoint,
      expirationTime: null,
      keys: { p256dh: this.ecdh.getPublicKey().toString("base64url"), auth: this.authSecret.toString("base64url") },
      locale,
      label: `test device ${this.name}`,
    };
  }
  /** Decrypts an aes128gcm body as the browser's push stack does; throws when it does not decrypt. */
  decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const rs = body.readUInt32BE(16);
    const idlen = body[20]!;
    const serverKey = body.subarray(21, 21 + idlen); // the sender's ephemeral public key
    const records = body.subarray(21 + idlen);
    const shared = this.ecdh.computeSecret(serverKey);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), this.ecdh.getPublicKey(), serverKey]);
    const ikm = Buffer.from(hkdfSync("sha256", shared, this.authSecret, keyInfo, 32));
    const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
    const out: Buffer[] = [];
    for (let seq = 0, at = 0; at < records.length; seq++, at += rs) {
      const record = records.subarray(at, Math.min(at + rs, records.length));
      const iv = Buffer.from(nonce);
      iv.writeUInt32BE((iv.readUInt32BE(8) ^ seq) >>> 0, 8); // nonce XOR the record's sequence number (small: the low 32 bits)
      const d = createDecipheriv("aes-128-gcm", cek, iv);
      d.setAuthTag(record.subarray(record.length - 16));
      const plain = Buffer.concat([d.update(record.subarray(0, record.length - 16)), d.final()]);
      // Padding: the content, a delimiter (2 in the last record, 1 before), then zeros.
      let end = plain.length - 1;
      while (end >= 0 && plain[end] === 0) end--;
      const last = at + rs >= records.length;
      if (plain[end] !== (last ? 2 : 1)) throw new Error(`bad padding delimiter ${plain[end]}`);
      out.push(plain.subarray(0, end));
    }
    return Buffer.concat(out).toString("utf8");
  }
}

/** Checks `Authorization: vapid t=<JWT>, k=<public key>` as a push service does; returns the JWT's claims. */
export async function verifyVapid(authorization: string | undefined, endpoint: string, expectedPublicKey: string) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!m) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, jwt, k] = m as unknown as [string, string, string];
  if (k !== expectedPublicKey) throw new Error("VAPID k= is not the server's public key");
  const raw = Buffer.from(k, "base64url");
  const key = await importJWK({ kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") }, "ES256");
  if (decodeProtectedHeader(jwt).alg !== "ES256") throw new Error("VAPID JWT is not ES256");
  const { payload } = await jwtVerify(jwt, key, { audience: new URL(endpoint).origin });
  const now = Math.floor(Date.now() / 1000);
  if (!payload.exp || payload.exp <= now || payload.exp > now + 24 * 3600) throw new Error(`VAPID exp ${payload.exp} is not within 24 h`);
  return payload;
}

export class TestPushService {
  readonly requests: PushRequest[] = [];
  private readonly gone = new Set<string>();
  private server: Server | null = null;
  private port = 0;

  static async start(): Promise<TestPushService> {
    const s = new TestPushService();
    await s.up();
    return s;
  }

  endpoint(device: string): string {
    return `http://127.0.0.1:${this.port}/push/${device}`;
  }
  device(name: string): TestDevice {
    return new TestDevice(name, this.endpoint(name));
  }
  /** From now on this device's pushes answer 410 Gone (the browser unsubscribed, the app data was cleared). */
  markGone(device: string) {
    this.gone.add(device);
  }
  to(device: string): PushRequest[] {
    return this.requests.filter((r) => r.device === device);
  }

  /** Listens (again, on the same port after `down`). */
  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const device = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1];
        if (req.method !== "POST" || !device) return void res.writeHead(404).end();
        if (this.gone.has(device)) return void res.writeHead(410).end("push subscription has unsubscribed or expired");
        this.requests.push({ device, headers: req.headers, body: Buffer.concat(chunks), at: Date.now() });
        res.writeHead(201, { Location: `/message/${this.requests.length}` }).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: every push is refused at the TCP level (connection refused) until `up`. */
  async down(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}

import { createECDH, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64UrlBytes, pushSubscriptionSchema } from "./push-subscription";

const ecdh = createECDH("prime256v1");
ecdh.generateKeys();
const good = {
  endpoint: "https://fcm.googleapis.com/fcm/send/abc:123",
  expirationTime: null,
  keys: {
    p256dh: ecdh.getPublicKey().toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
  },
  locale: "ko" as const,
  label: "Chrome on Android",
};
const strict = pushSubscriptionSchema({ allowLoopbackHttp: false });
const dev = pushSubscriptionSchema({ allowLoopbackHttp: true });
const refusedAt = (r: ReturnType<typeof strict.safeParse>) => (r.success ? [] : r.error.issues.map((i) => i.path.join(".")));

describe("push subscription input (X3)", () => {
  it("[X3] accepts a browser's subscription as PushSubscription.toJSON() gives it", () => {
    expect(strict.safeParse(good).success).toBe(true);
    // Padded base64url is base64url too.
    expect(
      strict.safeParse({
        ...good,
        keys: {
          ...good.keys,
          auth: randomBytes(16).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
        },
      }).success,
    ).toBe(true);
  });

  it("[X3] refuses endpoints that are not https, with credentials, or not URLs", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "http://127.0.0.1:9999/push", // loopback http only with the dev/test flag
      "ftp://push.example/abc",
      "file:///etc/passwd",
      "https://user:pw@push.example/abc",
      "not a url",
      `https://push.example/${"a".repeat(2100)}`,
    ]) {
      expect(refusedAt(strict.safeParse({ ...good, endpoint })), endpoint).toEqual(["endpoint"]);
    }
  });

  it("[X3] the dev/test flag lets only loopback http through", () => {
    expect(dev.safeParse({ ...good, endpoint: "http://127.0.0.1:9999/push/1" }).success).toBe(true);
    expect(dev.safeParse({ ...good, endpoint: "http://localhost:9999/push/1" }).success).toBe(true);
    for (const endpoint of ["http://10.0.0.5/push", "http://169.254.169.254/latest", "http://127.0.0.1.nip.io/push"]) {
      expect(refusedAt(dev.safeParse({ ...good, endpoint })), endpoint).toEqual(["endpoint"]);
    }
  });

  it("[X3] refuses keys of the wrong size, encoding or kind", () => {
    const compressed = ecdh.getPublicKey(undefined, "compressed").toString("base64url"); // 33 bytes
    const notAPoint = Buffer.concat([Buffer.from([0x05]), randomBytes(64)]).toString("base64url"); // 65 bytes, bad prefix
    const plainBase64 = Buffer.from(ecdh.getPublicKey()).toString("base64"); // may hold + and /
    for (const p256dh of [compressed, notAPoint, "", "!!!!", randomBytes(64).toString("base64url")]) {
      expect(refusedAt(strict.safeParse({ ...good, keys: { ...good.keys, p256dh } })), p256dh).toEqual(["keys.p256dh"]);
    }
    if (/[+/]/.test(plainBase64))
      expect(
        refusedAt(
          strict.safeParse({
            ...good,
            keys: { ...good.keys, p256dh: plainBase64 },
          }),
        ),
      ).toEqual(["keys.p256dh"]);
    for (const auth of [randomBytes(15).toString("base64url"), randomBytes(32).toString("base64url"), "a", ""]) {
      expect(refusedAt(strict.safeParse({ ...good, keys: { ...good.keys, auth } })), auth).toEqual(["keys.auth"]);
    }
    expect(refusedAt(strict.safeParse({ ...good, keys: { p256dh: good.keys.p256dh } }))).toEqual(["keys.auth"]);
  });

  it("[X3] refuses an unknown language and a label with control characters", () => {
    expect(refusedAt(strict.safeParse({ ...good, locale: "fr" }))).toEqual(["locale"]);
    expect(refusedAt(strict.safeParse({ ...good, label: "Chrome\u0000" }))).toEqual(["label"]);
    expect(refusedAt(strict.safeParse({ ...good, label: "x".repeat(121) }))).toEqual(["label"]);
  });

  it("[X3] base64url decodes like node's decoder", () => {
    for (const n of [1, 2, 3, 16, 65, 100]) {
      const bytes = randomBytes(n);
      expect(Buffer.from(base64UrlBytes(bytes.toString("base64url"))!)).toEqual(bytes);
    }
    expect(base64UrlBytes("")).toBeNull();
    expect(base64UrlBytes("a")).toBeNull(); // a single trailing sextet is no byte
    expect(base64UrlBytes("ab/c")).toBeNull();
  });
});

import { createECDH, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64UrlBytes, DEFAULT_PUSH_SERVICE_HOSTS, isAcceptablePushEndpoint, parsePushServiceHosts, PUSH_ENDPOINT_REFUSED, pushSubscriptionSchema } from "./push-subscription";

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
      "https://user:pw@fcm.googleapis.com/abc",
      "not a url",
      `https://fcm.googleapis.com/${"a".repeat(2100)}`,
    ]) {
      expect(refusedAt(strict.safeParse({ ...good, endpoint })), endpoint).toEqual(["endpoint"]);
    }
  });

  it("[X3] SSRF: only the push services on the allow-list, on the https port, are accepted; the refusal says why", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:123",
      "https://android.googleapis.com/gcm/send/abc",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQyavXutnMH",
      "https://db5p.notify.windows.com/w/?token=BQYAAA",
      "https://FCM.googleapis.com/fcm/send/upper-case-host",
    ]) {
      expect(strict.safeParse({ ...good, endpoint }).success, endpoint).toBe(true);
    }
    for (const endpoint of [
      "https://push.example/abc", // https, but not a push service
      "https://attacker.example/fcm.googleapis.com/x",
      "https://fcm.googleapis.com.attacker.example/x", // a look-alike suffix
      "https://evilfcm.googleapis.com/x",
      "https://notify.windows.com/w/x", // `*.` names subdomains only
      "https://evilnotify.windows.com/w/x",
      "https://fcm.googleapis.com:8443/fcm/send/x", // another port
      "https://169.254.169.254/latest/meta-data",
      "https://127.0.0.1/push",
      "https://[::1]/push",
      "https://localhost/push",
      "https://10.0.0.5/push",
    ]) {
      const r = strict.safeParse({ ...good, endpoint });
      expect(refusedAt(r), endpoint).toEqual(["endpoint"]);
      if (!r.success) expect(r.error.issues[0]!.message).toBe(PUSH_ENDPOINT_REFUSED);
    }
    // The dev/test flag changes nothing for https: it only adds loopback http.
    expect(refusedAt(dev.safeParse({ ...good, endpoint: "https://push.example/abc" }))).toEqual(["endpoint"]);
  });

  it("[X3] PUSH_SERVICE_HOSTS replaces the list; malformed entries are refused at start-up", () => {
    const own = pushSubscriptionSchema({ allowLoopbackHttp: false, hosts: parsePushServiceHosts(" Push.Internal.example , *.push.example ") });
    expect(own.safeParse({ ...good, endpoint: "https://push.internal.example/x" }).success).toBe(true);
    expect(own.safeParse({ ...good, endpoint: "https://eu.push.example/x" }).success).toBe(true);
    expect(own.safeParse(good).success).toBe(false); // FCM is not on this list
    for (const bad of ["", " , ", "https://fcm.googleapis.com", "fcm.googleapis.com/path", "fcm.googleapis.com:443", "*", "*.com.", "localhost", "10.0.0.1", "*.*.example.com"]) {
      expect(() => parsePushServiceHosts(bad), bad).toThrow();
    }
    expect(DEFAULT_PUSH_SERVICE_HOSTS.every((h) => parsePushServiceHosts(h)[0] === h)).toBe(true);
    expect(isAcceptablePushEndpoint("https://web.push.apple.com/x", { allowLoopbackHttp: false })).toBe(true);
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

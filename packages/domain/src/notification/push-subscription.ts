// A device's Web Push subscription (X3), as the browser's PushSubscription.toJSON() gives it: the
// push service's endpoint and the two keys the message is encrypted with (RFC 8291). Checked before
// anything is stored: the push service must be https (a subscription is a URL the worker will POST
// to, so anything else would let a user point the worker at an internal address), the keys must
// decode to the sizes the encryption needs.
import { z } from "zod";
import { isPlainLine } from "../shared/text";

/** Who a device rings for: the board's owner, or a rider. */
export const PUSH_AUDIENCES = ["OWNER", "RIDER"] as const;
export type PushAudience = (typeof PUSH_AUDIENCES)[number];

export const PUSH_LOCALES = ["ko", "en"] as const;
export type PushLocale = (typeof PUSH_LOCALES)[number];

/** A user's devices: the oldest beyond this many is dropped when another subscribes. */
export const MAX_PUSH_DEVICES_PER_USER = 10;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Decodes base64url (padded or not; `+` and `/` refused), or null when it is not base64url. */
export function base64UrlBytes(s: string): Uint8Array | null {
  if (!BASE64URL.test(s)) return null;
  const body = s.replace(/=+$/, "");
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of body) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** P-256 public key, uncompressed point: 0x04 ‖ X ‖ Y (65 bytes). */
export const P256DH_BYTES = 65;
/** The auth secret (16 bytes). */
export const AUTH_SECRET_BYTES = 16;

const p256dh = z.string().refine(
  (s) => {
    const b = base64UrlBytes(s);
    return b !== null && b.length === P256DH_BYTES && b[0] === 0x04;
  },
  {
    message: "keys.p256dh must be a base64url P-256 public key (65 bytes, uncompressed)",
  },
);
const auth = z.string().refine(
  (s) => {
    const b = base64UrlBytes(s);
    return b !== null && b.length === AUTH_SECRET_BYTES;
  },
  { message: "keys.auth must be a base64url 16-byte secret" },
);

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * The push service's address: https, no credentials in it. `allowLoopbackHttp` (development and
 * tests only, a local stand-in for the push service) also lets http://127.0.0.1 through.
 */
export function isAcceptablePushEndpoint(value: string, allowLoopbackHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return url.hostname.length > 0;
  return allowLoopbackHttp && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/** The save input: the browser's subscription, this device's language and a short device label. */
export function pushSubscriptionSchema(opts: { allowLoopbackHttp: boolean }) {
  return z.object({
    endpoint: z
      .string()
      .max(2048, "endpoint is too long")
      .refine((s) => isAcceptablePushEndpoint(s, opts.allowLoopbackHttp), {
        message: "endpoint must be an https URL of a push service",
      }),
    // Browsers send null when the subscription has no expiry.
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh, auth }),
    locale: z.enum(PUSH_LOCALES),
    /** "Chrome on Android": shown to the user beside the device; never trusted for anything. */
    label: z.string().trim().max(120, "label is too long").refine(isPlainLine, { message: "label has invisible characters" }).optional(),
  });
}
export type PushSubscriptionInput = z.infer<ReturnType<typeof pushSubscriptionSchema>>;

/** The remove input: the endpoint the browser unsubscribed (never checked as a URL: it is only looked up). */
export const pushUnsubscribeSchema = z.object({
  endpoint: z.string().min(1).max(2048),
});

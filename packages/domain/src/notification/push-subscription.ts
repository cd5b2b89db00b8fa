// A device's Web Push subscription (X3), as the browser's PushSubscription.toJSON() gives it: the
// push service's endpoint and the two keys the message is encrypted with (RFC 8291). Checked before
// anything is stored: the push service must be https (a subscription is a URL the worker will POST
// to, so anything else would let a user point the worker at an internal address), the keys must
// decode to the sizes the encryption needs. Only the push services on an allow-list are accepted.
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
 * The push services browsers subscribe with (PUSH_SERVICE_HOSTS overrides the list): Chrome, Edge
 * on Android, Opera, Samsung and Brave use FCM; Firefox uses Mozilla's autopush; Safari uses Apple's
 * web push; Edge on Windows uses WNS. `*.` allows every subdomain of the name (never the name itself).
 */
export const DEFAULT_PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "updates.push.services.mozilla.com",
  "web.push.apple.com",
  "*.push.apple.com",
  "*.notify.windows.com",
] as const;

/**
 * One PUSH_SERVICE_HOSTS entry: a DNS name ending in a letters-only top-level label (so never an
 * IP address), optionally `*.`-prefixed; no scheme, port or path.
 */
const HOST_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Parses PUSH_SERVICE_HOSTS (comma-separated); throws a message naming the bad entry. */
export function parsePushServiceHosts(raw: string): string[] {
  const hosts = raw
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (hosts.length === 0) throw new Error("name at least one push service host");
  for (const h of hosts) {
    if (!HOST_PATTERN.test(h)) throw new Error(`"${h}" is not a host name (e.g. fcm.googleapis.com or *.notify.windows.com)`);
  }
  return [...new Set(hosts)];
}

/** The PUSH_SERVICE_HOSTS setting (web and worker read it alike): unset means DEFAULT_PUSH_SERVICE_HOSTS. */
export const pushServiceHostsSetting = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return [...DEFAULT_PUSH_SERVICE_HOSTS];
    try {
      return parsePushServiceHosts(s);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  });

function hostAllowed(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => (h.startsWith("*.") ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h));
}

export type PushEndpointRules = {
  /** Development and tests only: a local stand-in for the push service at http://127.0.0.1. */
  allowLoopbackHttp: boolean;
  /** The push services' host names (DEFAULT_PUSH_SERVICE_HOSTS unless configured). */
  hosts?: readonly string[];
};

/**
 * The push service's address: https on the default port, no credentials, a host on the allow-list
 * of push services (anything else would let a user make the worker POST to a host of their
 * choosing: SSRF). `allowLoopbackHttp` (development and tests only) also lets http://127.0.0.1 through.
 */
export function isAcceptablePushEndpoint(value: string, rules: PushEndpointRules): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return url.port === "" && hostAllowed(url.hostname.toLowerCase(), rules.hosts ?? DEFAULT_PUSH_SERVICE_HOSTS);
  return rules.allowLoopbackHttp && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

export const PUSH_ENDPOINT_REFUSED = "endpoint must be an https URL of a known push service (FCM, Mozilla, Apple or Windows)";

/** The save input: the browser's subscription, this device's language and a short device label. */
export function pushSubscriptionSchema(opts: PushEndpointRules) {
  return z.object({
    endpoint: z
      .string()
      .max(2048, "endpoint is too long")
      .refine((s) => isAcceptablePushEndpoint(s, opts), { message: PUSH_ENDPOINT_REFUSED }),
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

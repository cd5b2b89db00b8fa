// The recipient's tracking link (X2): /t/<token>, where the token is the order id and an
// HMAC-SHA256 of it under a server secret (TRACKING_LINK_SECRET), 16 bytes of each, base64url
// (43 characters). Chosen over random tokens stored in a table: nothing to store or look up, the
// same link in every message of an order, and a forged or altered token is refused before any
// database read. 128 bits of MAC make it unguessable. The price: one link cannot be revoked alone
// (rotating the secret revokes all), and it never expires by itself — the page stops answering
// TRACKING_LINK_DAYS after the delivery date instead.
import { createHmac, timingSafeEqual } from "node:crypto";

const MAC_BYTES = 16;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function macOf(orderId: string, secret: string): Buffer {
  // Domain-separated, so no other HMAC of an order id under this secret can serve as a token.
  return createHmac("sha256", secret).update(`bloom-tracking-link:v1:${orderId}`).digest().subarray(0, MAC_BYTES);
}

export function signTrackingToken(orderId: string, secret: string): string {
  const id = orderId.toLowerCase();
  if (!UUID_RE.test(id)) throw new Error("a tracking token is signed for an order id (a UUID)");
  return Buffer.concat([Buffer.from(id.replaceAll("-", ""), "hex"), macOf(id, secret)]).toString("base64url");
}

/** The order id of a genuine token; null for anything else (wrong length, altered, another secret's). */
export function verifyTrackingToken(token: string, secret: string): string | null {
  if (typeof token !== "string" || !TOKEN_RE.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  // A base64url text of 43 characters has 2 spare bits: only the canonical spelling is accepted.
  if (raw.length !== 16 + MAC_BYTES || raw.toString("base64url") !== token) return null;
  const hex = raw.subarray(0, 16).toString("hex");
  const orderId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return timingSafeEqual(raw.subarray(16), macOf(orderId, secret)) ? orderId : null;
}

/** The link a message carries; `baseUrl` is the public address of the web app. */
export function trackingUrl(baseUrl: string, orderId: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/t/${signTrackingToken(orderId, secret)}`;
}

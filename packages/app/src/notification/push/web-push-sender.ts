// Sends one push message to one device (X3): web-push encrypts the payload for the device's keys
// (aes128gcm, RFC 8291) and signs the VAPID header (RFC 8292); the POST itself is ours (fetch), so
// it has a timeout, speaks plain http to a local stand-in for the push service in development and
// tests, and its answer is classified here: gone (404/410), refused for good, or try again later.
import { isAcceptablePushEndpoint, type PushPayload } from "@bloom/domain";
import webpush from "web-push";
import type { PushDevice } from "./subscriptions";

export type VapidConfig = {
  publicKey: string;
  privateKey: string;
  subject: string;
};

export type WebPushOptions = {
  vapid: VapidConfig;
  /** http://127.0.0.1 endpoints (a local push service in development and tests); never in production. */
  allowLoopbackHttp?: boolean;
  /** The push services' hosts (PUSH_SERVICE_HOSTS; DEFAULT_PUSH_SERVICE_HOSTS when unset). */
  pushServiceHosts?: readonly string[];
  timeoutMs?: number;
};

export type WebPushOutcome =
  | { outcome: "sent"; status: number }
  /** The subscription no longer exists at the push service (expired, unsubscribed, app data cleared). */
  | { outcome: "gone"; status: number }
  /** The push service will never take this message (bad request, too large, bad VAPID key). */
  | { outcome: "refused"; status: number; detail: string };

/** The push service is down or busy (5xx, 429, timeout, no connection): the message waits and is sent again. */
export class PushServiceUnavailable extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "PushServiceUnavailable";
  }
}

export async function sendWebPush(device: PushDevice, payload: PushPayload, ttlSec: number, opts: WebPushOptions): Promise<WebPushOutcome> {
  // Checked when saved too; again here, so a row written any other way cannot make us call elsewhere.
  if (!isAcceptablePushEndpoint(device.endpoint, { allowLoopbackHttp: opts.allowLoopbackHttp ?? false, hosts: opts.pushServiceHosts })) {
    return {
      outcome: "refused",
      status: 0,
      detail: "endpoint is not an https URL of a known push service",
    };
  }
  const details = webpush.generateRequestDetails(
    {
      endpoint: device.endpoint,
      keys: { p256dh: device.p256dh, auth: device.auth },
    },
    JSON.stringify(payload),
    {
      vapidDetails: opts.vapid,
      TTL: ttlSec,
      // Staff alerts: a new order or request is worth waking the phone for.
      urgency: "high",
      contentEncoding: "aes128gcm",
    },
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(details.headers)) {
    // fetch sets the length itself from the body.
    if (k.toLowerCase() !== "content-length") headers[k] = String(v);
  }
  let res: Response;
  try {
    res = await fetch(details.endpoint, {
      method: "POST",
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (e) {
    throw new PushServiceUnavailable(`push service unreachable: ${(e as Error).message}`, null);
  }
  const text = await res.text().catch(() => "");
  if (res.status >= 200 && res.status < 300) return { outcome: "sent", status: res.status };
  if (res.status === 404 || res.status === 410) return { outcome: "gone", status: res.status };
  if (res.status === 429 || res.status >= 500) throw new PushServiceUnavailable(`push service answered ${res.status}`, res.status);
  // 400 (malformed), 401/403 (VAPID refused: a key the subscription was not made with), 413 (too large), a redirect.
  return { outcome: "refused", status: res.status, detail: text.slice(0, 200) };
}

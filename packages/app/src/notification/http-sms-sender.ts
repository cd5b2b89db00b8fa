// The SmsSender port over HTTP (X2): POST {SMS_PROVIDER_URL}/messages with an Idempotency-Key,
// the sandbox's API (apps/sms-sandbox). 4xx but 408/429 is the provider refusing this message for
// good (SmsRejectedError); anything else — refused connection, timeout, 5xx — is an outage, and
// the dispatcher retries it with backoff.
import { SmsRejectedError, type OutgoingSms, type SmsSender } from "@bloom/domain";

export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {}

  async send(sms: OutgoingSms): Promise<{ id: string }> {
    const res = await fetch(`${this.baseUrl.replace(/\/+$/, "")}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": sms.idempotencyKey },
      body: JSON.stringify({ to: sms.to, from: sms.from, text: sms.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string; detail?: unknown };
    if (res.ok && typeof body.id === "string") return { id: body.id };
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      throw new SmsRejectedError(`SMS provider refused the message (${res.status} ${body.error ?? ""})`);
    }
    throw new Error(`SMS provider answered ${res.status}`);
  }
}

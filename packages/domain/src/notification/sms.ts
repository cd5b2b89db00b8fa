// The SMS port (X2): how Bloom hands a text message to a provider. The sandbox adapter
// (apps/sms-sandbox over HTTP) records messages like a provider's test mode; a real provider plugs
// in behind the same port (SMS_PROVIDER_URL). `idempotencyKey`: the provider keeps one message per
// key, so a retry after a lost answer does not text the recipient twice.
export type OutgoingSms = { to: string; from: string; text: string; idempotencyKey: string };

export interface SmsSender {
  /** Resolves with the provider's message id once it accepted the message. */
  send(sms: OutgoingSms): Promise<{ id: string }>;
}

/** The provider will never deliver this message (a number it cannot reach): not worth a retry. */
export class SmsRejectedError extends Error {
  override name = "SmsRejectedError";
}

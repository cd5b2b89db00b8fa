// The "sms" channel of the message dispatcher (X2): renders a planned message with its tracking
// link and hands it to the SmsSender port under the message's own idempotency key (the provider
// keeps one text per key: a retry after a lost answer is not a second text). A number the provider
// refuses for good marks the message dead; an outage throws, so the dispatcher retries it later.
import { recipientSmsText, SmsRejectedError, type RecipientSmsPayload, type SmsSender } from "@bloom/domain";
import { PermanentSendError, type ChannelProvider, type StoredMessage } from "./messages";
import { trackingUrl } from "./tracking-link";

export type SmsChannelOptions = { from: string; publicWebUrl: string; trackingLinkSecret: string };

export function smsChannel(sender: SmsSender, opts: SmsChannelOptions): ChannelProvider {
  return {
    channel: "sms",
    async send(m: StoredMessage) {
      const p = m.payload as RecipientSmsPayload;
      const url = trackingUrl(opts.publicWebUrl, p.orderId, opts.trackingLinkSecret);
      try {
        await sender.send({ to: m.recipient, from: opts.from, text: recipientSmsText(m.kind, m.locale, p, url), idempotencyKey: m.idempotencyKey });
      } catch (e) {
        if (e instanceof SmsRejectedError) throw new PermanentSendError(e.message);
        throw e;
      }
    },
  };
}

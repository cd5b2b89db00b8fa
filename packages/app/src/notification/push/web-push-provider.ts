// The message dispatcher's provider for channel "push" (X3): one planned message = one device.
// Gone at the push service (404/410) → the device is forgotten and the message is dead; refused for
// good (400/401/403/413) → dead; the push service down or busy → thrown, so the dispatcher retries
// with backoff (X5). A message past its TTL, counted from the event, is skipped: a stale "new order" is worse than none.
import type { Db } from "@bloom/db";
import type { Logger } from "../../shared/context";
import { PermanentSendError, SkippedMessageError, type ChannelProvider, type StoredMessage } from "../messages";
import type { PushMessagePayload } from "./staff-push";
import { forgetPushDevice, markPushDelivered, pushDevice } from "./subscriptions";
import { sendWebPush, type WebPushOptions } from "./web-push-sender";

export class WebPushProvider implements ChannelProvider {
  readonly channel = "push" as const;

  constructor(
    private readonly db: Db,
    private readonly opts: WebPushOptions & { log: Logger },
  ) {}

  async send(m: StoredMessage): Promise<void> {
    const device = await pushDevice(this.db, m.recipient);
    if (!device) throw new SkippedMessageError("the device turned alerts off (subscription removed)");
    const { title, body, url, tag, ttlSec, expiresAt } = m.payload as PushMessagePayload;
    // Counted from the event, not from when the message was planned or first tried.
    const leftSec = Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000);
    if (!(leftSec > 0)) throw new SkippedMessageError(`older than its ${ttlSec} s time to live`);
    const r = await sendWebPush(device, { title, body, url, tag }, leftSec, this.opts);
    if (r.outcome === "sent") return markPushDelivered(this.db, device.id);
    if (r.outcome === "gone") {
      await forgetPushDevice(this.db, device.id);
      this.opts.log.info({ subscriptionId: device.id, userId: device.userId, status: r.status }, "push subscription gone: device removed");
      throw new PermanentSendError(`push subscription gone (${r.status})`);
    }
    throw new PermanentSendError(`push service refused the message (${r.status}): ${r.detail}`);
  }
}

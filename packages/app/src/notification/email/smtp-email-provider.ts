// The email channel (X1): renders the sender's email in the message's language and sends it over
// SMTP with nodemailer (a local mail catcher in development, the production relay via SMTP_URL).
// At send time it checks the customer's opt-outs again (a kind turned off after it was planned is
// skipped, receipts never are) and attaches the proof photo inline (cid) when the delivery has one.
import { createHash } from "node:crypto";
import { sqlOf, type Db } from "@bloom/db";
import { isReceiptKind, type EmailKind, type PhotoStorage } from "@bloom/domain";
import nodemailer, { type Transporter } from "nodemailer";
import { PermanentSendError, SkippedMessageError, type ChannelProvider, type StoredMessage } from "../messages";
import type { SenderEmailPayload } from "../sender-email";
import { renderSenderEmail } from "./render";

export type SmtpEmailConfig = {
  db: Db;
  /** smtp://host:port (smtps:// for TLS; user:pass@ for AUTH). */
  smtpUrl: string;
  /** The From header, e.g. `Bloom <no-reply@bloom.example>`. */
  from: string;
  /** The web app's public address, for the links in the emails. */
  appUrl: string;
  /** Where the rider's door photos are (the web app's PHOTO_DIR); without it the email links the order page instead. */
  photos?: PhotoStorage | null;
  /** Bounds each SMTP step so a hung server delays one round, not the dispatcher (default 10 s). */
  timeoutMs?: number;
};

const PHOTO_CID = "proof-photo@bloom";

export class SmtpEmailProvider implements ChannelProvider {
  readonly channel = "email" as const;
  private readonly transport: Transporter;

  constructor(private readonly cfg: SmtpEmailConfig) {
    const t = cfg.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      url: cfg.smtpUrl,
      connectionTimeout: t,
      greetingTimeout: t,
      socketTimeout: 3 * t,
    });
  }

  async send(m: StoredMessage): Promise<void> {
    const payload = m.payload as unknown as SenderEmailPayload & {
      customerId?: string;
    };
    if (!isReceiptKind(m.kind) && payload.customerId && (await this.optedOut(payload.customerId, m.kind))) {
      throw new SkippedMessageError(`the customer turned "${m.kind}" emails off`);
    }
    const photoKey = typeof payload.step?.photoKey === "string" ? payload.step.photoKey : null;
    const photo = photoKey && this.cfg.photos ? await this.cfg.photos.get(photoKey) : null;
    const email = await renderSenderEmail(m.kind as EmailKind, m.locale, payload, { appUrl: this.cfg.appUrl, photoCid: photo ? PHOTO_CID : null });
    try {
      await this.transport.sendMail({
        from: this.cfg.from,
        to: m.recipient,
        subject: email.subject,
        html: email.html,
        text: email.text,
        // The idempotency key names the message: a resend after a crash mid-send (the only way one
        // can go twice) carries the same Message-ID, which mail systems deduplicate on.
        messageId: `<${createHash("sha256").update(m.idempotencyKey).digest("hex").slice(0, 32)}@bloom.messages>`,
        headers: {
          "Content-Language": m.locale,
          "X-Bloom-Message-Kind": m.kind,
          "X-Bloom-Order": m.orderId ?? "",
        },
        attachments: photo
          ? [
              {
                filename: "delivery-photo.jpg",
                content: Buffer.from(photo.bytes),
                contentType: photo.contentType,
                cid: PHOTO_CID,
              },
            ]
          : [],
      });
    } catch (e) {
      throw classify(e);
    }
  }

  private async optedOut(customerId: string, kind: string): Promise<boolean> {
    const { rows } = await sqlOf(this.cfg.db).query<{ out: boolean }>({
      name: "notify-opted-out",
      text: "SELECT $2 = ANY(opted_out) AS out FROM notify_preferences WHERE customer_id = $1",
      values: [customerId, kind],
    });
    return rows[0]?.out ?? false;
  }

  close() {
    this.transport.close();
  }
}

/** A 5xx answer to the recipient (no such mailbox, refused) never succeeds; anything else may. */
function classify(e: unknown): Error {
  const err = e as Error & {
    responseCode?: number;
    command?: string;
    code?: string;
  };
  if (typeof err.responseCode === "number" && err.responseCode >= 500 && err.responseCode < 600 && /RCPT/i.test(err.command ?? "")) {
    return new PermanentSendError(`SMTP refused the recipient: ${err.responseCode} ${err.message}`);
  }
  return err instanceof Error ? err : new Error(String(e));
}

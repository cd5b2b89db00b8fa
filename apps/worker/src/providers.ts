// The message dispatcher's providers in this process, one per channel, built from the validated
// environment (X1–X4). Each channel adds its own line; a channel left out keeps its messages pending.
import path from "node:path";
import { HttpSmsSender, LocalPhotoStorage, SmtpEmailProvider, smsChannel, type ChannelProvider, type Logger } from "@bloom/app";
import type { Db } from "@bloom/db";
import type { env as workerEnv } from "./env";

export function messageProviders(env: typeof workerEnv, db: Db, log: Logger): ChannelProvider[] {
  const providers: ChannelProvider[] = [];
  // X2: the recipient's text messages, through the SmsSender port (the sandbox, or a real provider, at SMS_PROVIDER_URL).
  providers.push(smsChannel(new HttpSmsSender(env.SMS_PROVIDER_URL, env.SMS_TIMEOUT_MS), { from: env.SMS_FROM, publicWebUrl: env.PUBLIC_WEB_URL, trackingLinkSecret: env.TRACKING_LINK_SECRET }));
  // X1: email over SMTP (npm start: its mail catcher). Without SMTP_URL emails wait, pending, until a worker has it.
  if (env.SMTP_URL) {
    providers.push(
      new SmtpEmailProvider({
        db,
        smtpUrl: env.SMTP_URL,
        from: env.MAIL_FROM,
        appUrl: env.APP_URL,
        photos: new LocalPhotoStorage(path.resolve(env.PHOTO_DIR)),
      }),
    );
  } else {
    log.warn({ channel: "email" }, "SMTP_URL is not set: emails are planned and wait (pending) until a worker with SMTP_URL sends them");
  }
  return providers;
}

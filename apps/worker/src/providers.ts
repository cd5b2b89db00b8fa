// The message dispatcher's providers in this process, one per channel, built from the validated
// environment (X1–X4). Each channel adds its own line; a channel left out keeps its messages pending.
import path from "node:path";
import { HttpSmsSender, LocalPhotoStorage, SmtpEmailProvider, smsChannel, WebPushProvider, type ChannelProvider, type Logger } from "@bloom/app";
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
        appUrl: env.PUBLIC_WEB_URL,
        photos: new LocalPhotoStorage(path.resolve(env.PHOTO_DIR)),
      }),
    );
  } else {
    log.warn({ channel: "email" }, "SMTP_URL is not set: emails are planned and wait (pending) until a worker with SMTP_URL sends them");
  }
  // X3: web push, when the VAPID keys are configured (npm start: generated once into .bloom/vapid.json).
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    const vapid = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
    providers.push(new WebPushProvider(db, { vapid, allowLoopbackHttp: env.PUSH_ALLOW_LOOPBACK_HTTP === "1", pushServiceHosts: env.PUSH_SERVICE_HOSTS, log }));
  } else {
    log.warn({ channel: "push" }, "VAPID keys are not set: web push is planned and waits (pending) until a worker with VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY sends it");
  }
  return providers;
}

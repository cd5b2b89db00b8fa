// The message dispatcher's providers in this process, one per channel, built from the validated
// environment (X1–X4). Each channel adds its own line; a channel left out keeps its messages pending.
import { HttpSmsSender, smsChannel, type ChannelProvider, type Logger } from "@bloom/app";
import type { env as workerEnv } from "./env";

export function messageProviders(env: typeof workerEnv, log: Logger): ChannelProvider[] {
  const providers: ChannelProvider[] = [];
  // X2: the recipient's text messages, through the SmsSender port (the sandbox, or a real provider, at SMS_PROVIDER_URL).
  providers.push(smsChannel(new HttpSmsSender(env.SMS_PROVIDER_URL, env.SMS_TIMEOUT_MS), { from: env.SMS_FROM, publicWebUrl: env.PUBLIC_WEB_URL, trackingLinkSecret: env.TRACKING_LINK_SECRET }));
  void env;
  void log;
  return providers;
}

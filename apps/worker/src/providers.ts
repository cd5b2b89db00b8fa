// The message dispatcher's providers in this process, one per channel, built from the validated
// environment (X1–X4). Each channel adds its own line; a channel left out keeps its messages pending.
import { WebPushProvider, type ChannelProvider, type Logger } from "@bloom/app";
import { getDb } from "@bloom/db";
import type { env as workerEnv } from "./env";

export function messageProviders(env: typeof workerEnv, log: Logger): ChannelProvider[] {
  const providers: ChannelProvider[] = [];
  void env;
  void log;
  // X3: web push, when the VAPID keys are configured (the same db client as main.ts: getDb keeps one per URL).
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    const vapid = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
    providers.push(new WebPushProvider(getDb(env.DATABASE_URL, env.DB_POOL_SIZE), { vapid, allowLoopbackHttp: env.PUSH_ALLOW_LOOPBACK_HTTP === "1", log }));
  }
  return providers;
}

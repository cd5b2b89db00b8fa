// The message dispatcher's providers in this process, one per channel, built from the validated
// environment (X1–X4). Each channel adds its own line; a channel left out keeps its messages pending.
import type { ChannelProvider, Logger } from "@bloom/app";
import type { env as workerEnv } from "./env";

export function messageProviders(env: typeof workerEnv, log: Logger): ChannelProvider[] {
  const providers: ChannelProvider[] = [];
  void env;
  void log;
  return providers;
}

// Live updates (B1): one Redis subscriber per web process receives the worker's announcements and
// fans them out to this process's open SSE streams. Works with any number of web processes.
import { EventEmitter } from "node:events";
import { LIVE_CHANNEL, liveChangeSchema, type LiveChange } from "@bloom/domain";
import { Redis } from "ioredis";
import { env } from "~/env";

const g = globalThis as unknown as { __bloomLive?: EventEmitter };

export function liveChanges(): EventEmitter {
  if (g.__bloomLive) return g.__bloomLive;
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const sub = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
  sub.on("error", () => {}); // reconnects by itself; streams catch up on reconnect
  void sub.subscribe(LIVE_CHANNEL);
  sub.on("message", (_channel, raw) => {
    try {
      const change: LiveChange = liveChangeSchema.parse(JSON.parse(raw));
      bus.emit("change", change);
    } catch {
      // an announcement we cannot read is dropped; the data itself is safe in PostgreSQL
    }
  });
  g.__bloomLive = bus;
  return bus;
}

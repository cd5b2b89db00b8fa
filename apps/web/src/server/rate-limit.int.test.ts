// C5, S1: the rate limiter (rate-limiter-flexible) against the real Redis — a fixed window that
// opens at a key's first hit (not at a clock boundary), refusals that do not extend the wait, a
// given-back hit, and a per-process window while Redis is away.
import net from "node:net";
import { Redis, type RedisOptions } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimiter, type Limit } from "./rate-limit";

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clients: Redis[] = [];
const client = (url: string, opts: RedisOptions = {}) => {
  const r = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000, ...opts });
  r.on("error", () => {});
  clients.push(r);
  return r;
};
afterAll(() => clients.forEach((c) => c.disconnect()));

const WINDOW_MS = 2000;
const limit = (): Limit => ({ name: "signin", max: 3, windowSec: WINDOW_MS / 1000 });
const unique = () => `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Waits until the wall clock is `at` ms into a WINDOW-aligned period (where a clock-aligned window would reset). */
async function alignTo(at: number) {
  const into = Date.now() % WINDOW_MS;
  await sleep((at - into + WINDOW_MS) % WINDOW_MS);
}

describe("rate limiter", () => {
  it("[C5][S1] a key's window opens at its first hit: hits just before a clock boundary still count just after it", async () => {
    const rl = new RateLimiter(client(REDIS_URL));
    const key = unique();
    await alignTo(1500); // three hits at ~1.5 s into a period, the fourth just past its end
    for (let i = 0; i < 3; i++) expect(await rl.hit(limit(), key)).toEqual({ limited: false });
    await alignTo(200);
    const fourth = await rl.hit(limit(), key);
    expect(fourth).toMatchObject({ limited: true });
    expect(fourth.limited && fourth.retryAfterSec).toBe(2); // ~1.3 s left of the key's window, rounded up
    // Another key is its own bucket.
    expect(await rl.hit(limit(), `${key}-other`)).toEqual({ limited: false });
    // Once the key's window has passed, a whole new budget opens (fixed window, not sliding).
    await sleep(1500);
    for (let i = 0; i < 3; i++) expect(await rl.hit(limit(), key)).toEqual({ limited: false });
    expect((await rl.hit(limit(), key)).limited).toBe(true);
  });

  it("[C5][S1] a refused attempt does not push the end of the wait further out", async () => {
    const rl = new RateLimiter(client(REDIS_URL));
    const key = unique();
    for (let i = 0; i < 3; i++) await rl.hit(limit(), key);
    for (let i = 0; i < 5; i++) expect((await rl.hit(limit(), key)).limited).toBe(true);
    await sleep(WINDOW_MS + 100);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
  });

  it("[S1] a forgiven hit is given back to the key's budget", async () => {
    const rl = new RateLimiter(client(REDIS_URL));
    const key = unique();
    for (let i = 0; i < 3; i++) await rl.hit(limit(), key);
    await rl.forgive(limit(), key);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
    expect((await rl.hit(limit(), key)).limited).toBe(true);
  });

  it("[C5][S1] while Redis cannot answer, the limit still holds within the process", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const failures: string[] = [];
    const rl = new RateLimiter(client(`redis://127.0.0.1:${port}`, { commandTimeout: 200, enableOfflineQueue: false }), (l) => failures.push(l.name));
    const key = unique();
    for (let i = 0; i < 3; i++) expect(await rl.hit(limit(), key)).toEqual({ limited: false });
    const fourth = await rl.hit(limit(), key);
    expect(fourth).toMatchObject({ limited: true });
    expect(fourth.limited && fourth.retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(failures).toEqual(["signin", "signin", "signin", "signin"]);
    expect(await rl.hit(limit(), `${key}-other`)).toEqual({ limited: false });
    await sleep(WINDOW_MS + 100);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
  });
});

// C5: the rate limiter against the real Redis — a sliding window that does not reset at a clock
// boundary, refusals that do not extend the wait, and a per-process window while Redis is away.
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
  return r as ConstructorParameters<typeof RateLimiter>[0];
};
afterAll(() => clients.forEach((c) => c.disconnect()));

const WINDOW = 2000;
const limit = (): Limit => ({ name: "signin", max: 3, windowMs: WINDOW });
const unique = () => `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Waits until the wall clock is `at` ms into a WINDOW-aligned period (where a fixed window would reset). */
async function alignTo(at: number) {
  const into = Date.now() % WINDOW;
  await sleep((at - into + WINDOW) % WINDOW);
}

describe("rate limiter", () => {
  it("[C5] the window slides: hits just before a clock boundary still count just after it", async () => {
    const rl = new RateLimiter(client(REDIS_URL));
    const key = unique();
    await alignTo(1500); // three hits at ~1.5 s into a period, the fourth just past its end
    for (let i = 0; i < 3; i++) expect(await rl.hit(limit(), key)).toEqual({ limited: false });
    await alignTo(200);
    const fourth = await rl.hit(limit(), key);
    expect(fourth).toMatchObject({ limited: true });
    expect(fourth.limited && fourth.retryAfterSec).toBe(2); // ~1.3 s left, rounded up
    // Another key is its own bucket.
    expect(await rl.hit(limit(), `${key}-other`)).toEqual({ limited: false });
    // Once the first hits have left the window, one more is let through; refusals were not counted.
    await sleep(1500);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
  });

  it("[C5] a refused attempt does not push the end of the wait further out", async () => {
    const rl = new RateLimiter(client(REDIS_URL));
    const key = unique();
    for (let i = 0; i < 3; i++) await rl.hit(limit(), key);
    for (let i = 0; i < 5; i++) expect((await rl.hit(limit(), key)).limited).toBe(true);
    await sleep(WINDOW + 100);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
  });

  it("[C5] while Redis cannot answer, the limit still holds within the process", async () => {
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
    await sleep(WINDOW + 100);
    expect(await rl.hit(limit(), key)).toEqual({ limited: false });
  });
});

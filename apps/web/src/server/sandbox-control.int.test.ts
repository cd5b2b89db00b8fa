// The sandbox processor's fault injection (used by `npm run bench`) is global like a real
// processor's test mode: /api/sandbox forwards to the processor's own process, so a change posted
// to one web process is what every process sees (N3).
import http from "node:http";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild, startWeb, stopWeb } from "../../../../test/support/web";

beforeAll(() => ensureWebBuild(), 600_000);
afterAll(() => closeDbs());

type State = { latency: { min: number; max: number }; outageUntil: number | null; pid: number };

/** GET on a fresh connection each time, so the cluster hands requests to different processes. */
const stateOnce = (base: string) =>
  new Promise<State>((resolve, reject) => {
    http
      .get(`${base}/api/sandbox`, { agent: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve(JSON.parse(body) as State));
      })
      .on("error", reject);
  });

/** The state of every process, once each satisfies `settled` (or after 5 s, as last seen). */
async function statesOfEveryProcess(base: string, processes: number, settled: (s: State) => boolean) {
  const byPid = new Map<number, State>();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (byPid.size < processes || ![...byPid.values()].every(settled))) {
    const s = await stateOnce(base);
    byPid.set(s.pid, s);
  }
  return [...byPid.values()];
}

describe("sandbox processor control", () => {
  it("[N3] an outage and a latency posted to one process apply in every web process; bad input changes nothing", async () => {
    const web = await startWeb({ WEB_CONCURRENCY: "2", SANDBOX_CONTROL: "on" });
    try {
      const post = (body: unknown) =>
        fetch(`${web.base}/api/sandbox`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect((await post({ latencyMs: "fast" })).status).toBe(400);
      expect((await post({ outageSeconds: -1 })).status).toBe(400);
      // No outage in effect (the file's processor starts with none).
      const noOutage = (x: State) => (x.outageUntil ?? 0) <= Date.now();
      for (const s of await statesOfEveryProcess(web.base, 2, noOutage)) expect(noOutage(s)).toBe(true);

      expect((await post({ outageSeconds: 60, latencyMs: "400-620" })).status).toBe(200);
      const during = await statesOfEveryProcess(web.base, 2, (x) => x.outageUntil !== null && x.latency.max === 620);
      expect(during).toHaveLength(2);
      for (const s of during) {
        expect(s.outageUntil).toBeGreaterThan(Date.now() + 50_000);
        expect(s.latency).toEqual({ min: 400, max: 620 });
      }

      expect((await post({ outageSeconds: 0, latencyMs: "0" })).status).toBe(200);
      for (const s of await statesOfEveryProcess(web.base, 2, (x) => x.latency.max === 0)) {
        expect(s.outageUntil).toBeLessThanOrEqual(Date.now());
        expect(s.latency).toEqual({ min: 0, max: 0 });
      }
    } finally {
      await stopWeb(web);
    }
  });

  it("[N3] without SANDBOX_CONTROL=on the control does not exist", async () => {
    const web = await startWeb({ SANDBOX_CONTROL: undefined });
    try {
      expect((await fetch(`${web.base}/api/sandbox`)).status).toBe(404);
    } finally {
      await stopWeb(web);
    }
  });
});

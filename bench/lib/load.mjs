// Load through autocannon, with every response recorded (time, latency, status, refusal code) so
// that scenarios can compute exact percentiles and per-window throughput themselves.
//  - closed loop: `connections` keep one request each in flight for `duration` seconds;
//  - paced (`rate` requests/s): several staggered autocannon instances share the rate, because one
//    instance releases each connection's quota at the same instant every second (bursts).
// Every request carries the next customer's session cookie, so load comes from many customers.
import autocannon from "autocannon";
import { percentile } from "./stats.mjs";

/**
 * @param {object} o
 * @param {string} o.base            http://127.0.0.1:PORT
 * @param {string} o.path            request path
 * @param {"GET"|"POST"} [o.method]
 * @param {string[]} o.cookies       session cookies, used round-robin
 * @param {() => string} [o.body]    a fresh body per request (POST)
 * @param {number} o.connections
 * @param {number} o.duration        seconds
 * @param {number} [o.rate]          offered requests/s (paced); closed loop when absent
 */
export async function load(o) {
  const samples = { t: [], ms: [], status: [] };
  const codes = new Map(); // "503 PAYMENT_BUSY" → count
  const errors = new Map(); // connection errors / timeouts by message
  let cookieIndex = 0;
  const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

  const request = {
    method: o.method ?? "GET",
    path: o.path,
    setupRequest(req) {
      const cookie = o.cookies[cookieIndex++ % o.cookies.length];
      const headers = { cookie, ...(o.body ? { "content-type": "application/json" } : {}) };
      return o.body ? { ...req, headers, body: o.body() } : { ...req, headers };
    },
    onResponse(status, body) {
      if (status < 400) return count(codes, String(status));
      let code = "";
      try {
        const data = JSON.parse(body)?.error?.json?.data;
        code = data?.domainCode ?? data?.code ?? "";
      } catch {
        code = "non-JSON";
      }
      count(codes, `${status} ${code}`.trim());
    },
  };

  const instances = o.rate ? Math.min(20, o.connections) : 1;
  const t0 = Date.now();
  const runs = [];
  for (let i = 0; i < instances; i++) {
    // Paced instances start 1/instances of a second apart, so their per-second bursts interleave.
    if (i > 0) await new Promise((r) => setTimeout(r, 1000 / instances));
    const share = Math.floor(o.connections / instances) + (i < o.connections % instances ? 1 : 0);
    const opts = {
      url: o.base,
      connections: share,
      duration: o.duration - (Date.now() - t0) / 1000,
      timeout: 30,
      requests: [request],
      ...(o.rate ? { overallRate: Math.max(1, Math.round(o.rate / instances)) } : {}),
    };
    const instance = autocannon(opts);
    instance.on("response", (_client, status, _bytes, ms) => {
      samples.t.push(Date.now());
      samples.ms.push(ms);
      samples.status.push(status);
    });
    instance.on("reqError", (err) => count(errors, err.code ?? err.message));
    runs.push(new Promise((resolve, reject) => instance.on("done", resolve).on("error", reject)));
  }
  await Promise.all(runs);
  const seconds = (Date.now() - t0) / 1000;
  return { t0, seconds, samples, codes, errors };
}

/** Throughput and latency of the responses matching `filter(status)` (default: all). */
export function summarize(result, filter = () => true, window = [0, Infinity]) {
  const ms = [];
  for (let i = 0; i < result.samples.ms.length; i++) {
    const at = result.samples.t[i] - result.t0;
    if (at >= window[0] && at < window[1] && filter(result.samples.status[i])) ms.push(result.samples.ms[i]);
  }
  ms.sort((a, b) => a - b);
  const span = Math.min(window[1], result.seconds * 1000) - window[0];
  return {
    count: ms.length,
    perSec: ms.length / (span / 1000),
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    p99Ms: percentile(ms, 99),
    maxMs: ms.length ? ms[ms.length - 1] : null,
    meanMs: ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : null,
  };
}

/** Every status / refusal code and transport error, as a plain object for printing and JSON. */
export function statusCounts(result) {
  const out = Object.fromEntries([...result.codes].sort());
  for (const [k, v] of result.errors) out[`error ${k}`] = v;
  return out;
}

// The load of ops:rolling: many customers, each with a real next-auth session (signed up through
// account.signUp, signed in through the credentials callback), placing orders through tRPC
// order.place as fast as answers come back, each with a fresh idempotency key. Bounded by time
// and by count. Every answer is counted: 200 is ok, anything else (status or network error) is a
// failure. Each request opens its own connection (no client keep-alive), so a balancer reload can
// never hit a half-closed reused socket on the client side: what is measured is the server side.
import { randomUUID } from "node:crypto";
import http from "node:http";

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** One HTTP request → { status, headers, body } (rejects on network errors). */
export function request(base, method, path, { headers = {}, body, timeoutMs = 30_000 } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) }, timeout: timeoutMs }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const cookiesOf = (res) => [res.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]);

export async function signUpAndSignIn(base, email, password) {
  const signUp = await request(base, "POST", "/api/trpc/account.signUp", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { name: "Load Customer", email, password, phone: "010-1234-5678" } }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up ${email}: ${signUp.status} ${signUp.body.slice(0, 200)}`);
  const csrf = await request(base, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body);
  const jar = cookiesOf(csrf);
  const res = await request(base, "POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in ${email}: ${res.status} ${res.body.slice(0, 200)}`);
  return [...jar, session].join("; ");
}

/**
 * Places orders with `customers` concurrent sessions until `durationMs` has passed or `maxRequests`
 * were sent. `order(i)` builds the i-th checkout (without its idempotency key).
 */
export async function placeOrders({ base, cookies, durationMs, maxRequests, order, onProgress }) {
  const stats = { ok: 0, total: 0, failures: {}, orderIds: [], latencies: [] };
  const until = Date.now() + durationMs;
  let sent = 0;
  const fail = (why) => (stats.failures[why] = (stats.failures[why] ?? 0) + 1);
  const progress = setInterval(() => onProgress?.(stats), 5000);
  await Promise.all(
    cookies.map(async (cookie) => {
      while (Date.now() < until && sent < maxRequests) {
        sent++;
        const body = JSON.stringify({ json: { ...order(sent), idempotencyKey: randomUUID() } });
        const t0 = performance.now();
        try {
          const res = await request(base, "POST", "/api/trpc/order.place", { headers: { "content-type": "application/json", cookie }, body });
          stats.total++;
          if (res.status === 200) {
            stats.ok++;
            stats.orderIds.push(JSON.parse(res.body).result.data.json.id);
          } else {
            const code = (() => {
              try {
                return JSON.parse(res.body).error?.json?.data?.domainCode ?? JSON.parse(res.body).error?.json?.data?.code;
              } catch {
                return undefined;
              }
            })();
            fail(`HTTP ${res.status}${code ? ` ${code}` : ""}`);
          }
        } catch (e) {
          stats.total++;
          fail(`network: ${e.code ?? e.message}`);
        }
        stats.latencies.push(performance.now() - t0);
      }
    }),
  );
  clearInterval(progress);
  return stats;
}

export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

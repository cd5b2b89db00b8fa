// The web process: Next.js (production build) behind our own node:http server, because `next start`
// cannot bound its shutdown nor report "not ready" while it drains (C6). On SIGTERM/SIGINT:
//   1. readiness (/api/health/ready) answers 503 at once, so load balancers stop sending work;
//   2. for SHUTDOWN_DRAIN_MS new requests are still served (the balancer may not have noticed yet);
//   3. the listener closes, idle keep-alive connections are closed, live-update streams (SSE) are
//      ended so their clients reconnect to another instance, and in-flight requests finish;
//   4. exit 0 when none is left — or exit 1 when SHUTDOWN_GRACE_MS (counted from the signal) ends.
// WEB_CONCURRENCY=N (N > 1) runs N such processes behind node:cluster on one port, for a single
// host with several cores (one Node.js process uses one core); the primary only restarts a process
// that dies and passes SIGTERM/SIGINT on, and exits when all have drained. In containers keep it 1
// and scale by replicas: metrics (/api/metrics) and the payment breaker are per process.
// It also gives every request an id (x-request-id, kept from the caller or generated) that the
// app's logs carry. Plain ESM so it runs without a build step, in the repo and in the
// standalone image alike. This launcher reads only its own start-up settings from the
// environment; the app's configuration is validated by src/env.ts, loaded at start-up by
// src/instrumentation.ts.
//
//   node server.mjs [-p PORT] [-H HOSTNAME]        (or PORT / HOSTNAME in the environment)
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { pino } from "pino";

const dir = path.dirname(fileURLToPath(import.meta.url));

function arg(short, long) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === short || argv[i] === long) return argv[i + 1];
    if (argv[i].startsWith(`${long}=`)) return argv[i].slice(long.length + 1);
  }
  return undefined;
}

function intSetting(name, raw, fallback) {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(
      `Invalid configuration:\n  ${name}: expected a whole number ≥ 0, got "${raw}"`,
    );
    process.exit(1);
  }
  return n;
}

const settings = {
  port: intSetting("PORT", arg("-p", "--port") ?? process.env.PORT, 3000),
  hostname: arg("-H", "--hostname") ?? process.env.HOSTNAME ?? undefined,
  graceMs: intSetting(
    "SHUTDOWN_GRACE_MS",
    process.env.SHUTDOWN_GRACE_MS,
    10_000,
  ),
  drainMs: intSetting("SHUTDOWN_DRAIN_MS", process.env.SHUTDOWN_DRAIN_MS, 0),
  // Behind our nginx / Ingress the proxy sets X-Forwarded-For; otherwise a client could forge it.
  trustProxy: process.env.TRUST_PROXY === "1",
  processes: intSetting("WEB_CONCURRENCY", process.env.WEB_CONCURRENCY, 1),
};
const log = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { pid: process.pid, service: "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

if (settings.processes > 1 && cluster.isPrimary) {
  // The primary: forks, restarts a process that dies while serving, forwards the stop signals.
  let stopping = false;
  let exitCode = 0;
  const listening = new Set();
  cluster.on("listening", (w) => listening.add(w.id));
  cluster.on("exit", (w, code, signal) => {
    const served = listening.delete(w.id);
    if (!stopping && served) {
      log.error(
        { worker: w.process.pid, code, signal },
        "web process died; starting another",
      );
      cluster.fork();
      return;
    }
    if (code) exitCode = Math.max(exitCode, code);
    if (!stopping) {
      // Died before it ever listened (bad configuration, port taken): the others would too.
      stopping = true;
      exitCode = code || 1;
      for (const other of Object.values(cluster.workers ?? {}))
        other?.process.kill("SIGTERM");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info(
      { signal, processes: Object.keys(cluster.workers ?? {}).length },
      "web stopping its processes",
    );
    for (const w of Object.values(cluster.workers ?? {}))
      w?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  log.info(
    { processes: settings.processes, port: settings.port },
    "web starting its processes",
  );
  for (let i = 0; i < settings.processes; i++) cluster.fork();
} else {
  // The standalone output has no next.config.ts; its build wrote the resolved config here.
  let conf;
  if (!fs.existsSync(path.join(dir, "next.config.ts"))) {
    conf = JSON.parse(
      fs.readFileSync(
        path.join(dir, ".next", "required-server-files.json"),
        "utf8",
      ),
    ).config;
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
  }

  const app = next({
    dev: false,
    dir,
    conf,
    hostname: settings.hostname ?? "localhost",
    port: settings.port,
  });
  try {
    await app.prepare();
  } catch (err) {
    // Invalid configuration (e.g. no AUTH_SECRET in production) surfaces here: say it, no stack.
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const handle = app.getRequestHandler();

  let shuttingDown = false;
  const inFlight = new Set(); // responses not yet finished, live streams excluded
  const streams = new Set(); // server-sent event streams: open until the client leaves

  const isStream = (req) =>
    (req.headers.accept ?? "").includes("text/event-stream");

  const server = http.createServer((req, res) => {
    const requestId =
      (typeof req.headers["x-request-id"] === "string" &&
        req.headers["x-request-id"].slice(0, 128)) ||
      randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    if (!settings.trustProxy)
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    // While draining, tell keep-alive clients (nginx) not to reuse this connection.
    if (shuttingDown) res.setHeader("connection", "close");

    const set = isStream(req) ? streams : inFlight;
    set.add(res);
    res.on("close", () => set.delete(res));
    handle(req, res).catch((err) => {
      log.error({ requestId, err: String(err) }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than nginx's/ALBs' idle timeouts: they close first

  server.listen(settings.port, settings.hostname, () => {
    const addr = server.address();
    log.info(
      {
        port: typeof addr === "object" && addr ? addr.port : settings.port,
        hostname: settings.hostname ?? "*",
      },
      "web ready",
    );
  });

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function shutdown(signal) {
    if (shuttingDown) return;
    shuttingDown = true;
    // Read by src/server/health.ts (same process, same global): readiness turns false now.
    globalThis.__bloomShuttingDown = true;
    const t0 = Date.now();
    log.info(
      {
        signal,
        inFlight: inFlight.size,
        drainMs: settings.drainMs,
        graceMs: settings.graceMs,
      },
      "web shutting down: draining",
    );
    setTimeout(() => {
      log.error(
        { inFlight: inFlight.size, graceMs: settings.graceMs },
        "grace period over; exiting with requests unfinished",
      );
      server.closeAllConnections();
      process.exit(1);
    }, settings.graceMs).unref();

    await sleep(Math.min(settings.drainMs, settings.graceMs));
    server.close();
    for (const res of streams) res.socket?.destroy(); // clients reconnect elsewhere and refetch
    while (inFlight.size > 0) {
      server.closeIdleConnections();
      await sleep(50);
    }
    server.closeIdleConnections();
    await app.close().catch(() => {});
    log.info(
      { ms: Date.now() - t0 },
      "web stopped: every in-flight request finished",
    );
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

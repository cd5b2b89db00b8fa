// X4: the outgoing webhook request against real local HTTP servers: it gives up after its time
// limit, never follows a redirect, reads at most a few KB of an answer, and without the local flag
// refuses loopback addresses whether written as an IP or reached through a host name (SSRF).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, RESPONSE_READ_BYTES } from "./http-post";

let server: http.Server;
let base = "";
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/slow") return; // never answers
    if (req.url === "/redirect") return void res.writeHead(302, { location: `${base}/target` }).end();
    if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 16 && res.write(chunk)) sent++;
        if (sent < 16) res.once("drain", more);
        else res.end();
      };
      more();
      return;
    }
    res.writeHead(200).end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const local = { timeoutMs: 2000, allowLocal: true };

describe("outgoing webhook request (X4)", () => {
  it("[X4] ends at its time limit when the receiver does not answer", async () => {
    const r = await postWebhook(`${base}/slow`, {}, "{}", { ...local, timeoutMs: 300 });
    expect(r.statusCode).toBeNull();
    expect(r.error).toMatch(/timed out after 300 ms/);
    expect(r.durationMs).toBeLessThan(2000);
  });

  it("[X4] does not follow redirects: a 3xx is the answer", async () => {
    const r = await postWebhook(`${base}/redirect`, {}, "{}", local);
    expect(r.statusCode).toBe(302);
    expect(hits).not.toContain("/target");
  });

  it("[X4] reads at most a few KB of a large answer", async () => {
    const r = await postWebhook(`${base}/big`, {}, "{}", local);
    expect(r.statusCode).toBe(200);
    expect(r.snippet!.length).toBeLessThanOrEqual(Math.min(1000, RESPONSE_READ_BYTES));
  });

  it("[X4] without the local flag, loopback is refused as an IP and through a host name that resolves to it", async () => {
    const before = hits.length;
    const port = (server.address() as AddressInfo).port;
    const byIp = await postWebhook(`http://127.0.0.1:${port}/`, {}, "{}", { timeoutMs: 2000, allowLocal: false });
    expect(byIp.error).toMatch(/not a public address/);
    const byName = await postWebhook(`http://localhost:${port}/`, {}, "{}", { timeoutMs: 2000, allowLocal: false });
    expect(byName.statusCode).toBeNull();
    expect(byName.error).toMatch(/not a public address/);
    expect(hits.length).toBe(before);
    expect((await postWebhook(`http://localhost:${port}/`, {}, "{}", local)).statusCode).toBe(200);
  });
});

// X3: the worker's POST to a push service holds to the allow-list and never follows a redirect —
// against real local HTTP servers that count every connection they get.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestDevice } from "../../../../../test/support/push-service";
import { sendWebPush } from "./web-push-sender";

const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:push@bloom.example" };
const payload = { title: "New order", body: "#ABCD1234", url: "/board", tag: "t" };

type Counting = { server: Server; port: number; connections: number; requests: string[] };
async function counting(answer: (path: string, c: Counting) => { status: number; headers?: Record<string, string> }): Promise<Counting> {
  const c: Counting = { server: createServer(), port: 0, connections: 0, requests: [] };
  c.server.on("connection", () => c.connections++);
  c.server.on("request", (req, res) => {
    c.requests.push(req.url ?? "");
    req.resume();
    const a = answer(req.url ?? "", c);
    res.writeHead(a.status, a.headers).end();
  });
  await new Promise<void>((r) => c.server.listen(0, "127.0.0.1", r));
  c.port = (c.server.address() as AddressInfo).port;
  return c;
}

let target: Counting;
let redirector: Counting;
beforeAll(async () => {
  target = await counting(() => ({ status: 201 }));
  redirector = await counting((path) => ({ status: 307, headers: { location: `http://127.0.0.1:${target.port}${path}` } }));
});
afterAll(async () => {
  for (const c of [target, redirector]) await new Promise((r) => c.server.close(r));
});

const deviceAt = (endpoint: string) => {
  const d = new TestDevice("sender", endpoint);
  const s = d.subscription();
  return { id: "00000000-0000-4000-8000-0000000000d1", userId: "00000000-0000-4000-8000-0000000000d2", endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, locale: "en" as const };
};

describe("web push sender (X3)", () => {
  it("[X3] an endpoint off the push services' allow-list is refused before any connection (a row written any other way)", async () => {
    const before = target.connections;
    for (const endpoint of [
      `https://127.0.0.1:${target.port}/push/x`,
      `http://127.0.0.1:${target.port}/push/x`, // loopback http without the dev/test flag
      "https://attacker.example/push/x",
      "https://fcm.googleapis.com.attacker.example/push/x",
    ]) {
      const r = await sendWebPush(deviceAt(endpoint), payload, 60, { vapid, timeoutMs: 2000 });
      expect(r, endpoint).toMatchObject({ outcome: "refused", status: 0 });
    }
    // A custom list replaces the defaults: FCM is no longer on it.
    const r = await sendWebPush(deviceAt("https://fcm.googleapis.com/fcm/send/x"), payload, 60, { vapid, pushServiceHosts: ["push.internal.example"], timeoutMs: 2000 });
    expect(r).toMatchObject({ outcome: "refused", status: 0 });
    expect(target.connections).toBe(before);
  });

  it("[X3] a redirect from the push service is not followed: refused, and the address it names gets nothing", async () => {
    const before = { connections: target.connections, requests: target.requests.length };
    const r = await sendWebPush(deviceAt(`http://127.0.0.1:${redirector.port}/push/x`), payload, 60, { vapid, allowLoopbackHttp: true, timeoutMs: 2000 });
    expect(r).toMatchObject({ outcome: "refused", status: 307 });
    expect(redirector.requests).toContain("/push/x");
    expect({ connections: target.connections, requests: target.requests.length }).toEqual(before);
    // The same server without the redirect is reached (the test's servers do answer).
    expect(await sendWebPush(deviceAt(`http://127.0.0.1:${target.port}/push/y`), payload, 60, { vapid, allowLoopbackHttp: true, timeoutMs: 2000 })).toMatchObject({ outcome: "sent", status: 201 });
  });
});

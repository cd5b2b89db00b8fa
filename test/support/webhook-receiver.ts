// X4 tests: a partner's webhook receiver — a real HTTP server on loopback that verifies every
// request's Standard Webhooks signature with the endpoint's current secret (standardwebhooks, the
// library a partner would use) and answers 500 while it is "down".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  webhookId: string;
  timestamp: number;
  verified: boolean;
  answered: number;
  at: number;
  body: { type: string; timestamp: string; data: { order: { id: string; status: string }; event: Record<string, unknown> } };
};

export async function startReceiver() {
  const state = { secret: "", downUntil: 0, received: [] as Received[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let verified = false;
      try {
        new Webhook(state.secret).verify(raw, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const answered = !verified ? 400 : Date.now() < state.downUntil ? 500 : 204;
      state.received.push({ webhookId: headers["webhook-id"] ?? "", timestamp: Number(headers["webhook-timestamp"]), verified, answered, at: Date.now(), body: JSON.parse(raw) });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered === 500 ? "receiver is down (test)" : "");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bloom-webhooks`;
  return {
    url,
    state,
    /** webhook-id → how many times it was accepted (2xx). */
    accepted() {
      const m = new Map<string, number>();
      for (const r of state.received) if (r.answered < 300) m.set(r.webhookId, (m.get(r.webhookId) ?? 0) + 1);
      return m;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

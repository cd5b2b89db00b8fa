// The SMS sandbox's HTTP API, like an SMS provider's test mode: POST /messages accepts a message
// (idempotent by the Idempotency-Key header) and records it instead of sending it; GET /messages
// lists what was "sent" (JSON), GET / shows it to operators as a page. A number that cannot be a
// phone number is refused with 422 — permanent, as a real provider would answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { SmsLedger, SmsRecord } from "./ledger";

const BODY_LIMIT = 16 * 1024;
/** A Korean number (010-1234-5678, with or without dashes) or an E.164 one (+821012345678). */
const PHONE = /^(0\d{1,2}-?\d{3,4}-?\d{4}|\+[1-9]\d{7,14})$/;

const messageSchema = z
  .object({
    to: z.string().trim(),
    from: z.string().trim().min(1).max(40),
    text: z.string().min(1).max(2000),
  })
  .strict();

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** Links in a message become links on the operators' page (the tracking link, X2). */
const linkify = (s: string) => escapeHtml(s).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);

function page(messages: SmsRecord[], total: number): string {
  const rows = messages
    .map(
      (m) => `<li data-testid="sms" data-to="${escapeHtml(m.to)}"><p class="meta"><time datetime="${m.createdAt}">${escapeHtml(m.createdAt)}</time> · to <strong>${escapeHtml(m.to)}</strong> · from ${escapeHtml(m.from)}</p><p class="text">${linkify(m.text)}</p></li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS sandbox — Bloom</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#1d1b1c}ul{list-style:none;padding:0}li{border:1px solid #ccc;border-radius:.75rem;padding:.75rem 1rem;margin:.5rem 0}.meta{margin:0;font-size:.875rem;color:#555}.text{margin:.25rem 0 0;white-space:pre-wrap;word-break:break-word}a{color:#8a1538}</style>
</head><body><main>
<h1>SMS sandbox</h1>
<p>Text messages Bloom "sent" (nothing leaves this machine): ${total} in the ledger, newest first. <a href="/messages">JSON</a></p>
${messages.length ? `<ul>${rows}</ul>` : "<p>No messages yet.</p>"}
</main></body></html>`;
}

export function createSmsSandbox(ledger: SmsLedger) {
  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    try {
      if (req.method === "GET" && url.pathname === "/health") return json(res, 200, { ok: true, messages: ledger.size });
      if (req.method === "GET" && (url.pathname === "/messages" || url.pathname === "/")) {
        const to = url.searchParams.get("to") ?? undefined;
        const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 100) || 100, 1), 1000);
        const messages = ledger.list({ to, limit });
        if (url.pathname === "/messages") return json(res, 200, { messages });
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        return res.end(page(messages, ledger.size));
      }
      if (req.method === "POST" && url.pathname === "/messages") {
        const raw = await readBody(req);
        if (raw === null) return json(res, 413, { error: "body_too_large" });
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return json(res, 400, { error: "invalid_json" });
        }
        const parsed = messageSchema.safeParse(body);
        if (!parsed.success) return json(res, 400, { error: "invalid_request", detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
        if (!PHONE.test(parsed.data.to)) return json(res, 422, { error: "invalid_number", detail: "This is not a phone number the provider can reach" });
        const key = req.headers["idempotency-key"];
        const idempotencyKey = typeof key === "string" && key.length > 0 && key.length <= 255 ? key : null;
        const { record, replayed } = ledger.accept({ ...parsed.data, idempotencyKey });
        return json(res, replayed ? 200 : 201, { ...record, replayed });
      }
      return json(res, 404, { error: "not_found" });
    } catch (e) {
      return json(res, 500, { error: "internal", detail: String(e) });
    }
  };
}

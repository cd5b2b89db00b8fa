// X4: one webhook POST, held to what an outgoing request to a partner's server must respect: a
// total time limit (connect, answer and body), no redirect followed (node:http never follows one;
// a 3xx is a failure), at most RESPONSE_READ_BYTES of the answer read, and — unless local
// endpoints are allowed — every address the host resolves to must be public (checked in the
// socket's own lookup, so a DNS answer cannot change between the check and the connect).
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPublicAddress } from "@bloom/domain";

export const RESPONSE_READ_BYTES = 4096;

export type PostResult = { statusCode: number | null; error: string | null; snippet: string | null; durationMs: number };

const isLoopback = (ip: string) => /^127\./.test(ip) || ip === "::1" || ip === "::ffff:127.0.0.1";

export function addressAllowed(ip: string, allowLocal: boolean): boolean {
  return isPublicAddress(ip) || (allowLocal && isLoopback(ip));
}

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowLocal: boolean },
): Promise<PostResult> {
  const started = performance.now();
  const done = (r: Omit<PostResult, "durationMs">): PostResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      resolve(done({ statusCode: null, error: "invalid URL", snippet: null }));
      return;
    }
    const host = u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname;
    if (net.isIP(host) && !addressAllowed(host, opts.allowLocal)) {
      resolve(done({ statusCode: null, error: `refused: ${host} is not a public address`, snippet: null }));
      return;
    }
    const lookup: net.LookupFunction = (hostname, options, cb) => {
      dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return cb(err, "", 4);
        const list = addresses as dns.LookupAddress[];
        const bad = list.find((a) => !addressAllowed(a.address, opts.allowLocal));
        if (bad || !list.length) return cb(Object.assign(new Error(`refused: ${hostname} resolves to ${bad?.address ?? "nothing"}, not a public address`), { code: "EADDRNOTPUBLIC" }), "", 4);
        if ((options as { all?: boolean }).all) return (cb as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
        cb(null, list[0]!.address, list[0]!.family);
      });
    };
    let settled = false;
    const finish = (r: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const req = (u.protocol === "https:" ? https : http).request(
      u,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const end = () => {
          const snippet = Buffer.concat(chunks).subarray(0, RESPONSE_READ_BYTES).toString("utf8").slice(0, 1000);
          finish({ statusCode: res.statusCode ?? null, error: null, snippet: snippet || null });
          res.destroy();
        };
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          if (size >= RESPONSE_READ_BYTES) end();
        });
        res.on("end", end);
        res.on("error", () => end());
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${opts.timeoutMs} ms`, snippet: null });
      req.destroy();
    }, opts.timeoutMs);
    req.on("error", (e) => finish({ statusCode: null, error: e.message.slice(0, 300), snippet: null }));
    req.end(body);
  });
}

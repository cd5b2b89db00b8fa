// X4: a partner's webhook endpoint as the REST API accepts it: an https URL (plain http only to
// this machine, and only when the deployment allows local endpoints — development and tests),
// the event types from the published list, an optional description. Refused before anything is
// written. SSRF: a URL naming a private, loopback or link-local address is refused here; a host
// name is checked again when each delivery resolves it (see isPublicAddress).
import { z } from "zod";
import { textField } from "../shared/text";
import { WEBHOOK_EVENT_TYPES } from "./events";

/** Endpoints per API client. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
export const WEBHOOK_URL_MAX = 2000;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The refusal for a URL (a message), or null when it may receive webhooks. */
export function webhookUrlProblem(raw: string, opts: { allowLocal: boolean }): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "Give a full URL, e.g. https://example.com/webhooks/bloom";
  }
  if (u.username || u.password) return "The URL must not carry a user name or password";
  if (u.hash) return "The URL must not have a #fragment";
  // "localhost." is localhost: a name's trailing dot (the DNS root) changes nothing about where it points.
  const host = u.hostname.toLowerCase().replace(/\.+$/, "");
  const local = LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
  if (u.protocol === "http:") {
    if (opts.allowLocal && local) return null;
    return "The URL must use https";
  }
  if (u.protocol !== "https:") return "The URL must use https";
  if (local) return opts.allowLocal ? null : "The URL must not point to this machine";
  const ip = host.startsWith("[") ? host.slice(1, -1) : host;
  if (isIpLiteral(ip) && !isPublicAddress(ip)) return "The URL must not point to a private, loopback or link-local address";
  if (!host.includes(".")) return "The URL needs a public host name";
  if (PRIVATE_SUFFIXES.some((sfx) => host.endsWith(sfx))) return "The URL needs a public host name, not a private network's (.internal, .local, .home.arpa)";
  return null;
}

/** Names that by definition never resolve on the public internet (RFC 6762, RFC 8375, cloud metadata names). */
const PRIVATE_SUFFIXES = [".internal", ".local", ".localdomain", ".home.arpa", ".intranet", ".lan", ".corp"];

const isIpLiteral = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(":");

function v4(ip: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

/**
 * True when a resolved address is on the public internet: not private (RFC 1918, fc00::/7),
 * loopback, link-local (cloud metadata at 169.254.169.254), CGNAT, benchmarking, multicast,
 * reserved or unspecified — the SSRF rule every non-local delivery is held to.
 */
export function isPublicAddress(ip: string): boolean {
  const a = v4(ip);
  if (a) {
    const [x, y] = a as [number, number];
    if (x === 0 || x === 10 || x === 127 || x >= 224) return false;
    if (x === 100 && y >= 64 && y <= 127) return false;
    if (x === 169 && y === 254) return false;
    if (x === 172 && y >= 16 && y <= 31) return false;
    if (x === 192 && (y === 168 || (y === 0 && (a[2] === 0 || a[2] === 2)))) return false;
    if (x === 198 && (y === 18 || y === 19 || (y === 51 && a[2] === 100))) return false;
    if (x === 203 && y === 0 && a[2] === 113) return false;
    return true;
  }
  const s = ip.toLowerCase();
  if (!s.includes(":")) return false;
  const mapped = /^(?:0*:)*:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s) ?? /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped) return isPublicAddress(mapped[1]!);
  if (s === "::" || s === "::1") return false;
  // ::a.b.c.d / ::x:y (IPv4-compatible, deprecated) and 2002::/16 (6to4) carry an IPv4 address in them.
  const compat = /^::([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(s);
  if (compat || /^::\d{1,3}(\.\d{1,3}){3}$/.test(s)) return false;
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(`${s}:`);
  if (sixToFour) {
    const hi = parseInt(sixToFour[1]!, 16);
    const lo = parseInt(sixToFour[2]!, 16);
    return isPublicAddress(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`);
  }
  if (s.startsWith("100::") || s.startsWith("100:0:0:0:")) return false; // discard-only (RFC 6666)
  const first = parseInt(s.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (s.startsWith("::ffff:") || s.startsWith("64:ff9b:") || s.startsWith("2001:db8:")) return false;
  return true;
}

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: (i) => `Unknown event type "${String(i.input)}"; known: ${WEBHOOK_EVENT_TYPES.join(", ")}` }))
  .min(1, "Choose at least one event type")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((ts) => [...new Set(ts)]);

const urlField = (opts: { allowLocal: boolean }) =>
  z
    .string()
    .trim()
    .min(1, "Give the endpoint's URL")
    .max(WEBHOOK_URL_MAX, `The URL is longer than ${WEBHOOK_URL_MAX} characters`)
    .superRefine((u, ctx) => {
      const problem = webhookUrlProblem(u, opts);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/** POST /api/v1/webhooks. */
export function createWebhookEndpointSchema(opts: { allowLocal: boolean }) {
  return z.strictObject({
    url: urlField(opts).describe("https URL that receives the POSTs"),
    eventTypes: eventTypes.describe("Event types this endpoint receives"),
    description: textField({ max: 200 }).optional(),
    enabled: z.boolean().default(true),
  });
}

/** PATCH /api/v1/webhooks/{endpointId}: any of the fields, at least one. */
export function updateWebhookEndpointSchema(opts: { allowLocal: boolean }) {
  return z
    .strictObject({
      url: urlField(opts).optional(),
      eventTypes: eventTypes.optional(),
      description: textField({ max: 200 }).nullable().optional(),
      enabled: z.boolean().optional(),
    })
    .refine((o) => Object.values(o).some((v) => v !== undefined), "Give at least one field to change");
}
export type CreateWebhookEndpoint = z.infer<ReturnType<typeof createWebhookEndpointSchema>>;
export type UpdateWebhookEndpoint = z.infer<ReturnType<typeof updateWebhookEndpointSchema>>;

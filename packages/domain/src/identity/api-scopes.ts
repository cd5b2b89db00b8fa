// What a partner's API client may do (OAuth2 scopes). Reading the catalog needs only a valid
// token; orders need their scope. The same words are used by the CLI, tokens and the OpenAPI doc.
import { z } from "zod";

export const API_SCOPES = ["orders:read", "orders:write", "webhooks:manage"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "orders:read": "Read the orders this client placed",
  "orders:write": "Place and cancel orders (payment is taken when the order is placed)",
  "webhooks:manage": "Register webhook endpoints for this client's orders, see their deliveries and replay them",
};

/** A space-separated scope string (RFC 6749 §3.3), e.g. "orders:read orders:write". */
export const scopeStringSchema = z
  .string()
  .trim()
  .transform((s) => [...new Set(s.split(/\s+/).filter(Boolean))])
  .pipe(z.array(z.enum(API_SCOPES, { error: (i) => `Unknown scope "${String(i.input)}"; known: ${API_SCOPES.join(", ")}` })));

export function parseScopes(s: string): { ok: true; scopes: ApiScope[] } | { ok: false; message: string } {
  const r = scopeStringSchema.safeParse(s);
  return r.success ? { ok: true, scopes: r.data } : { ok: false, message: r.error.issues[0]?.message ?? "Invalid scope" };
}

/** The scopes a token gets: the requested ones when all are granted to the client, else a refusal. */
export function grantScopes(
  granted: readonly string[],
  requested: string | undefined,
): { ok: true; scopes: ApiScope[] } | { ok: false; message: string } {
  const allowed = API_SCOPES.filter((s) => granted.includes(s));
  if (requested === undefined || requested.trim() === "") return { ok: true, scopes: allowed };
  const parsed = parseScopes(requested);
  if (!parsed.ok) return parsed;
  const missing = parsed.scopes.filter((s) => !allowed.includes(s));
  if (missing.length) return { ok: false, message: `This client is not granted ${missing.join(", ")}` };
  return parsed;
}

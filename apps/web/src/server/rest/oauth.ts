// OAuth2 token endpoint (client credentials, RFC 6749 §4.4) and the JWKS of the keys that sign
// access tokens. Credentials come as HTTP Basic or in the body (form-encoded or JSON). Errors use
// OAuth's own shape { error, error_description }, which OAuth client libraries understand.
import { authenticateApiClient, issueAccessToken } from "@bloom/app";
import { grantScopes } from "@bloom/domain";
import type { z } from "zod";
import { LIMITS, clientIp, hit } from "../rate-limit";
import { services } from "../services";
import { signingKeys, tokenSettings } from "./access";
import { OAUTH_ERRORS, tokenRequestSchema, type oauthErrorSchema, type tokenResponseSchema } from "./schemas";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: (typeof OAUTH_ERRORS)[number], description: string, headers: Record<string, string> = {}) {
  return Response.json({ error, error_description: description } satisfies z.infer<typeof oauthErrorSchema>, {
    status,
    headers: { ...NO_STORE, ...headers },
  });
}

async function readFields(req: Request): Promise<Record<string, unknown> | null> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (text.length > 8_000) return null;
  if (type.includes("application/json")) {
    try {
      const v: unknown = JSON.parse(text || "{}");
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** HTTP Basic credentials: form-urlencoded id and secret (RFC 6749 §2.3.1). */
function basicCredentials(req: Request): { id: string; secret: string } | "malformed" | null {
  const h = req.headers.get("authorization");
  if (!h) return null;
  const m = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(h.trim());
  if (!m) return "malformed";
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return "malformed";
  try {
    return { id: decodeURIComponent(decoded.slice(0, i).replace(/\+/g, " ")), secret: decodeURIComponent(decoded.slice(i + 1).replace(/\+/g, " ")) };
  } catch {
    return "malformed";
  }
}

const rateLimited = (retryAfterSec: number, description: string) =>
  oauthError(429, "rate_limited", description, { "Retry-After": String(retryAfterSec) });

export async function tokenEndpoint(req: Request): Promise<Response> {
  try {
    // Every request spends its address's budget first, failed and malformed ones included: this
    // is what bounds secret guessing, since the per-client count below needs the secret.
    const perIp = await hit(LIMITS.apiTokenPerIp, clientIp(req.headers));
    if (perIp.limited) return rateLimited(perIp.retryAfterSec, "Too many token requests from this address — reuse a token until it expires");
    const fields = await readFields(req);
    if (!fields) return oauthError(400, "invalid_request", "The body must be form-encoded or a JSON object");
    if (fields.grant_type === undefined) return oauthError(400, "invalid_request", "grant_type is required");
    const parsed = tokenRequestSchema.safeParse(fields);
    if (!parsed.success) {
      const bad = parsed.error.issues[0]?.path[0] === "grant_type";
      return bad
        ? oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported")
        : oauthError(400, "invalid_request", `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
    }
    const body = parsed.data;
    const basic = basicCredentials(req);
    if (basic === "malformed") return oauthError(400, "invalid_request", "Malformed HTTP Basic credentials");
    if (basic && (body.client_id || body.client_secret)) return oauthError(400, "invalid_request", "Send the credentials once: HTTP Basic or the body, not both");
    const id = basic?.id ?? body.client_id;
    const secret = basic?.secret ?? body.client_secret;
    const challenge: Record<string, string> = basic ? { "WWW-Authenticate": 'Basic realm="bloom-api"' } : {};
    if (!id || !secret) return oauthError(401, "invalid_client", "Client credentials are required", challenge);

    const client = await authenticateApiClient(services().db, id, secret);
    if (!client) return oauthError(401, "invalid_client", "Unknown client or wrong secret", challenge);
    // Counted per client only once its secret is verified: knowing a client's id is not enough
    // to spend its budget and lock it out of tokens.
    const perClient = await hit(LIMITS.apiToken, client.id);
    if (perClient.limited) return rateLimited(perClient.retryAfterSec, "Too many token requests for this client — reuse a token until it expires");
    const granted = grantScopes(client.scopes, body.scope);
    if (!granted.ok) return oauthError(400, "invalid_scope", granted.message);

    const token = await issueAccessToken(signingKeys(), tokenSettings, { clientId: client.id, scopes: granted.scopes });
    services().log.info({ clientId: client.id, scope: token.scope }, "API access token issued");
    const answer: z.infer<typeof tokenResponseSchema> = {
      access_token: token.accessToken,
      token_type: "Bearer",
      expires_in: token.expiresIn,
      scope: token.scope,
    };
    return Response.json(answer, { headers: NO_STORE });
  } catch (e) {
    services().log.error({ err: String(e) }, "token endpoint failed");
    return oauthError(500, "server_error", "Something went wrong on our side. Please try again.");
  }
}

export async function jwksEndpoint(): Promise<Response> {
  try {
    const jwks = await signingKeys().jwks();
    // Verifiers may cache it briefly; after a rotation they refetch on the new, unknown kid.
    return Response.json(jwks, { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (e) {
    services().log.error({ err: String(e) }, "JWKS endpoint failed");
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
  }
}

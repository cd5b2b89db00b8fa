// Who is calling the public API: the Bearer access token is verified (signature by kid, issuer,
// audience, expiry) and its client must still be active; the route's scope must be granted.
// No or bad token: 401 with WWW-Authenticate (RFC 6750); missing scope: 403.
import { findActiveApiClient, KeyWrap, SigningKeys, verifyAccessToken, type TokenSettings } from "@bloom/app";
import type { ApiScope } from "@bloom/domain";
import { env } from "~/env";
import { services } from "../services";
import { ApiError } from "./errors";

/** The audience of our access tokens: this API, and nothing else accepts them. */
export const API_AUDIENCE = "bloom-api";
const REALM = 'realm="bloom-api"';

export const tokenSettings: TokenSettings = { issuer: env.API_TOKEN_ISSUER, audience: API_AUDIENCE, ttlSec: env.API_TOKEN_TTL_SEC };

const g = globalThis as unknown as { __bloomSigningKeys?: SigningKeys; __bloomKeyWrap?: KeyWrap };
/** Seals and opens the stored private signing keys (KEY_ENCRYPTION_SECRET, else AUTH_SECRET). */
export const keyWrap = () => (g.__bloomKeyWrap ??= new KeyWrap(env.KEY_ENCRYPTION_SECRET ?? env.AUTH_SECRET));
export const signingKeys = () =>
  (g.__bloomSigningKeys ??= new SigningKeys(services().db, keyWrap(), 60_000, (message) => services().log.warn({ keys: "api-signing" }, message)));

export type ApiCaller = { clientId: string; userId: string; scopes: ApiScope[] };

export async function authenticate(req: Request, scope: ApiScope | null): Promise<ApiCaller> {
  const header = req.headers.get("authorization");
  if (!header) throw new ApiError(401, "UNAUTHORIZED", "An access token is required (Authorization: Bearer <token>)", { "WWW-Authenticate": `Bearer ${REALM}` });
  const m = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!m) throw unauthorized("invalid_request", "The Authorization header must be: Bearer <token>");
  const verified = await verifyAccessToken(signingKeys(), tokenSettings, m[1]!);
  if (!verified.ok) throw unauthorized("invalid_token", verified.reason);
  const client = await findActiveApiClient(services().db, verified.clientId);
  if (!client) throw unauthorized("invalid_token", "This client's access was revoked");
  // A scope removed from the client since the token was issued no longer counts.
  const scopes = verified.scopes.filter((s) => client.scopes.includes(s));
  if (scope && !scopes.includes(scope)) {
    throw new ApiError(403, "INSUFFICIENT_SCOPE", `This call needs the ${scope} scope`, {
      "WWW-Authenticate": `Bearer ${REALM}, error="insufficient_scope", scope="${scope}"`,
    });
  }
  return { clientId: client.id, userId: client.userId, scopes };
}

function unauthorized(error: "invalid_request" | "invalid_token", description: string) {
  return new ApiError(401, "UNAUTHORIZED", description, { "WWW-Authenticate": `Bearer ${REALM}, error="${error}", error_description="${description}"` });
}

// OAuth2 access tokens for the public API: short-lived JWTs (RFC 9068 profile) signed with the
// current ES256 key, verified against the published keys by kid, issuer, audience and expiry.
import { errors, jwtVerify, SignJWT } from "jose";
import { API_SCOPES, type ApiScope } from "@bloom/domain";
import { SIGNING_ALG, type SigningKeys } from "./signing-keys";

export const ACCESS_TOKEN_TYPE = "at+jwt";

export type TokenSettings = { issuer: string; audience: string; ttlSec: number };

export type IssuedToken = { accessToken: string; expiresIn: number; scope: string };

export async function issueAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  grant: { clientId: string; scopes: readonly ApiScope[] },
  now: Date = new Date(),
): Promise<IssuedToken> {
  const { kid, key } = await keys.signing();
  const iat = Math.floor(now.getTime() / 1000);
  const scope = grant.scopes.join(" ");
  const accessToken = await new SignJWT({ scope, client_id: grant.clientId })
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(grant.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + settings.ttlSec)
    .setJti(globalThis.crypto.randomUUID())
    .sign(key);
  return { accessToken, expiresIn: settings.ttlSec, scope };
}

export type VerifiedToken = { ok: true; clientId: string; scopes: ApiScope[] } | { ok: false; reason: string };

export async function verifyAccessToken(keys: SigningKeys, settings: TokenSettings, token: string): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, keys.verificationKey, {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: [SIGNING_ALG],
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["sub", "exp", "iat"],
      clockTolerance: 5,
    });
    const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
    return { ok: true, clientId: payload.sub!, scopes: API_SCOPES.filter((s) => scopes.includes(s)) };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { ok: false, reason: "The access token has expired" };
    if (e instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `The access token's ${e.claim} claim is not accepted here` };
    if (e instanceof errors.JOSEError) return { ok: false, reason: "The access token is not valid" };
    throw e;
  }
}

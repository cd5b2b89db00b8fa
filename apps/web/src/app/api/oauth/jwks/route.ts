// GET /api/oauth/jwks — the public keys that verify API access tokens.
import { jwksEndpoint } from "~/server/rest/oauth";

export const dynamic = "force-dynamic";
export const GET = jwksEndpoint;

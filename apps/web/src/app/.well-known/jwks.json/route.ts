// GET /.well-known/jwks.json — the same key set at its conventional address.
import { jwksEndpoint } from "~/server/rest/oauth";

export const dynamic = "force-dynamic";
export const GET = jwksEndpoint;

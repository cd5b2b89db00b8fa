// POST /api/oauth/token — OAuth2 client-credentials grant for the public API.
import { tokenEndpoint } from "~/server/rest/oauth";

export const POST = tokenEndpoint;

// GET /api/v1/openapi.json — the public API's OpenAPI 3.1 document (generated from zod).
import { openApiDocument } from "~/server/rest/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

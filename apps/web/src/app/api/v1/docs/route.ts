// GET /api/v1/docs — the public API's reference page, rendered from the OpenAPI document.
import { renderDocsPage } from "~/server/rest/docs-page";
import { openApiDocument } from "~/server/rest/openapi";

export function GET() {
  return new Response(renderDocsPage(openApiDocument()), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

// The API's reference page, rendered by us from the OpenAPI document into one self-contained HTML
// page (no scripts, fonts or stylesheets from elsewhere: it works offline and leaks nothing).
type Json = Record<string, unknown>;
type Schema = Json & { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; required?: string[] };

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Descriptions use `code` spans only. */
const prose = (s: unknown) => esc(s ?? "").replace(/`([^`]+)`/g, "<code>$1</code>");
const refName = (ref: string) => ref.split("/").pop()!;
const anchor = (name: string) => `schema-${name}`;

function typeLabel(s: Schema): string {
  if (s.$ref) return `<a href="#${anchor(refName(s.$ref))}">${esc(refName(s.$ref))}</a>`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeLabel).join(" or ");
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).map(typeLabel).join(" and ");
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).map((v) => `<code>${esc(v)}</code>`).join(", ")}`;
  if (s.type === "array") return `array of ${s.items ? typeLabel(s.items) : "any"}`;
  const t = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
  return esc(s.format ? `${t} (${String(s.format)})` : t);
}

function constraints(s: Schema): string {
  const c: string[] = [];
  // zod states every integer's safe range; that says nothing to a reader.
  const add = (k: string, label: string) => s[k] !== undefined && Math.abs(Number(s[k])) !== Number.MAX_SAFE_INTEGER && c.push(`${label} ${esc(s[k])}`);
  add("minLength", "min length");
  add("maxLength", "max length");
  add("minimum", "≥");
  add("maximum", "≤");
  add("minItems", "at least");
  add("maxItems", "at most");
  if (s.pattern && s.format !== "uuid" && s.format !== "date-time") c.push(`pattern <code>${esc(s.pattern)}</code>`);
  return [c.join(", "), s.description ? prose(s.description) : ""].filter(Boolean).join(" — ");
}

/** One row per field, nested objects and arrays of objects flattened as `a.b` and `a[].b`. */
function fieldRows(s: Schema, prefix = ""): string[] {
  if (!s.properties) return [];
  return Object.entries(s.properties).flatMap(([name, p]) => {
    const path = prefix + name;
    const required = s.required?.includes(name) ? "yes" : "";
    const row = `<tr><td><code>${esc(path)}</code></td><td>${typeLabel(p)}</td><td>${required}</td><td>${constraints(p)}</td></tr>`;
    const nested = p.type === "object" ? fieldRows(p, `${path}.`) : p.type === "array" && p.items?.type === "object" ? fieldRows(p.items, `${path}[].`) : [];
    return [row, ...nested];
  });
}

const fieldTable = (s: Schema) => {
  const rows = fieldRows(s);
  return rows.length
    ? `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>notes</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
    : `<p>${typeLabel(s)}</p>`;
};

function resolve<T>(doc: Json, v: T): T {
  const r = (v as { $ref?: string } | undefined)?.$ref;
  if (!r?.startsWith("#/")) return v;
  return r.slice(2).split("/").reduce<unknown>((o, k) => (o as Json)[k], doc) as T;
}

function operation(doc: Json, path: string, method: string, op: Json, webhook = false): string {
  const id = String(op.operationId);
  const security = (op.security as Record<string, string[]>[] | undefined)?.find((s) => s.oauth2);
  const scopes = security?.oauth2?.length ? security.oauth2.map((s) => `<code>${esc(s)}</code>`).join(" ") : security ? "any valid token" : "none";
  const params = ((op.parameters as Json[] | undefined) ?? []).map(
    (p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${typeLabel(p.schema as Schema)}</td><td>${p.required ? "yes" : ""}</td><td>${[constraints(p.schema as Schema), prose(p.description ?? "")].filter(Boolean).join(" — ")}</td></tr>`,
  );
  const body = op.requestBody as { content: Record<string, { schema: Schema }>; required?: boolean } | undefined;
  const bodyHtml = body
    ? Object.entries(body.content)
        .map(([type, { schema }]) => `<p>Body (<code>${esc(type)}</code>${body.required ? "" : ", optional"}): ${typeLabel(schema)}</p>`)
        .join("")
    : "";
  const responses = Object.entries(op.responses as Record<string, Json>).map(([status, raw]) => {
    const r = resolve(doc, raw) as { description?: string; content?: Record<string, { schema: Schema }>; headers?: Record<string, Json> };
    const schema = r.content?.["application/json"]?.schema;
    const headers = Object.keys(r.headers ?? {}).map((h) => `<code>${esc(h)}</code>`).join(" ");
    return `<tr><td><strong>${esc(status)}</strong></td><td>${schema ? typeLabel(schema) : ""}</td><td>${prose(r.description)}${headers ? ` — headers: ${headers}` : ""}</td></tr>`;
  });
  return `<section id="${esc(id)}" class="op">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><strong>${prose(op.summary)}</strong></p>${op.description ? `<p>${prose(op.description)}</p>` : ""}
${webhook ? "<p>Sent by Bloom to your endpoint (signed, see Webhooks above)</p>" : `<p>Scope: ${scopes}</p>`}
${params.length ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>notes</th></tr></thead><tbody>${params.join("")}</tbody></table>` : ""}
${bodyHtml}
<table><thead><tr><th>status</th><th>body</th><th>meaning</th></tr></thead><tbody>${responses.join("")}</tbody></table>
</section>`;
}

const EXAMPLE = `# 1. a token (client credentials; valid for expires_in seconds)
curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials http://localhost:3000/api/oauth/token
# 2. call the API with it
curl -s -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/stores
curl -s -X POST -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $(uuidgen)" \\
  -H "Content-Type: application/json" -d @order.json http://localhost:3000/api/v1/orders`;

export function renderDocsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const schemas = (doc.components as { schemas: Record<string, Schema> }).schemas;
  const nav = ops.map(({ path, method, op }) => `<li><a href="#${esc(op.operationId)}"><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> ${esc(path)}</a></li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:980px;margin:0 auto;padding:24px}
h1{margin-top:0}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:40px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
pre{background:#f6f8fa;padding:12px;overflow:auto;border-radius:6px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}.op{border-top:1px solid #eaeef2;padding-top:8px}
.m{display:inline-block;min-width:44px;text-align:center;border-radius:4px;color:#fff;font-size:12px;font-weight:700;padding:1px 6px}
.get{background:#0969da}.post{background:#1a7f37}.patch{background:#9a6700}.delete{background:#cf222e}nav ul{list-style:none;padding:0}nav a{text-decoration:none}
</style></head>
<body><main>
<h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1>
<p>${prose(info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Token keys: <a href="/api/oauth/jwks">/api/oauth/jwks</a>.</p>
<h2>Getting started</h2><pre>${esc(EXAMPLE)}</pre>
<nav aria-label="Endpoints"><h2>Endpoints</h2><ul>${nav.join("")}</ul></nav>
<h2>Reference</h2>
${ops.map(({ path, method, op }) => operation(doc, path, method, op)).join("\n")}
${Object.entries((doc.webhooks ?? {}) as Record<string, { post: Json }>)
  .map(([name, m], i) => `${i === 0 ? "<h2>Webhooks: what Bloom sends</h2>" : ""}${operation(doc, name, "post", m.post, true)}`)
  .join("\n")}
<h2>Schemas</h2>
${Object.entries(schemas)
  .map(([name, s]) => `<section id="${anchor(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${prose(s.description)}</p>` : ""}${fieldTable(s)}</section>`)
  .join("\n")}
</main></body></html>`;
}

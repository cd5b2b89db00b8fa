// Contract checks (C8): a real HTTP answer must be one the OpenAPI document declares for that
// operation — its status listed, its required headers present, its JSON body valid against the
// declared schema (ajv, JSON Schema 2020-12, formats checked).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

type Json = Record<string, unknown>;
const DOC_ID = "openapi.json";
// ajv-formats ships CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export function contract(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);

  /** Follows a local $ref; returns the value and its JSON pointer in the document. */
  function deref(value: unknown, pointer: string): [Json, string] {
    const r = (value as { $ref?: string } | undefined)?.$ref;
    if (!r) return [value as Json, pointer];
    const target = r.slice(2).split("/").reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
    if (target === undefined) throw new Error(`unresolvable $ref ${r}`);
    return deref(target, r.slice(1));
  }

  /** Asserts the answer matches the document and returns its parsed JSON body. */
  async function check<T = Json>(path: string, method: string, res: Response): Promise<T> {
    const opPointer = `/paths/${escapePointer(path)}/${method}`;
    const op = (doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[path]?.[method];
    expect(op, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
    const declared = op!.responses[String(res.status)];
    expect(declared, `${method.toUpperCase()} ${path} documents status ${res.status}`).toBeDefined();
    const [response, responsePointer] = deref(declared, `${opPointer}/responses/${res.status}`);
    for (const [name, h] of Object.entries((response.headers ?? {}) as Json)) {
      const [header] = deref(h, "");
      if (header.required) expect(res.headers.get(name), `${res.status} answer carries header ${name}`).toBeTruthy();
    }
    const content = response.content as Record<string, unknown> | undefined;
    if (!content) return undefined as T;
    expect(res.headers.get("content-type") ?? "").toContain("application/json");
    const body = (await res.json()) as T;
    const [, schemaPointer] = deref((content["application/json"] as Json).schema, `${responsePointer}/content/application~1json/schema`);
    const validate = ajv.getSchema(`${DOC_ID}#${schemaPointer}`);
    expect(validate, `schema at ${schemaPointer}`).toBeDefined();
    const valid = validate!(body);
    expect(valid ? [] : validate!.errors, `${method.toUpperCase()} ${path} ${res.status} body matches the document`).toEqual([]);
    return body;
  }

  /** Validates a value against a named component schema (for request bodies). */
  function validateComponent(name: string, value: unknown) {
    const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
    if (!validate) throw new Error(`no component schema ${name}`);
    return validate(value) ? [] : (validate.errors ?? []);
  }

  return { check, validateComponent };
}

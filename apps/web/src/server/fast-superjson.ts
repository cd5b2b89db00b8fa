// The tRPC output transformer: writes superjson's wire format ({ json, meta: { values, v } }) for
// the types our answers hold — plain objects and arrays, strings, finite numbers, booleans, null,
// Dates and undefined — with one plain walk, and hands anything else (Map, Set, BigInt, class
// instances, NaN…) to superjson itself. The client keeps superjson, so nothing changes on the
// wire. Why: superjson's general walker was ~28 % of the web's CPU serving the store board (100
// orders, `npm run bench:profile -- --path store.board`). Repeated references are sent as copies
// (superjson would restore their identity; no answer of ours relies on it).
import superjson from "superjson";

type SuperJSONResult = ReturnType<typeof superjson.serialize>;
const UNSUPPORTED = Symbol("unsupported");
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function serializeFast(root: unknown): SuperJSONResult {
  if (root instanceof Date || root === undefined) return superjson.serialize(root); // root-level meta has its own shape
  const values: Record<string, [string]> = {};
  let annotated = false;
  // The path is kept as a stack of keys and written out only where a value needs a note.
  const path: (string | number)[] = [];
  const note = (type: string) => {
    values[path.map((k) => (typeof k === "number" ? String(k) : escapeKey(k))).join(".")] = [type];
    annotated = true;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (Number.isFinite(v)) return v;
      throw UNSUPPORTED;
    }
    if (v === undefined) {
      note("undefined");
      return null;
    }
    if (typeof v !== "object") throw UNSUPPORTED; // bigint, symbol, function
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw UNSUPPORTED;
      note("Date");
      return v.toISOString();
    }
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        out[i] = walk(v[i]);
        path.pop();
      }
      return out;
    }
    if (!isPlainObject(v)) throw UNSUPPORTED;
    const out: Record<string, unknown> = {};
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      path.push(key);
      out[key] = walk((v as Record<string, unknown>)[key]);
      path.pop();
    }
    return out;
  };
  try {
    const json = walk(root) as SuperJSONResult["json"];
    return annotated ? { json, meta: { values, v: 1 } as SuperJSONResult["meta"] } : { json };
  } catch (e) {
    if (e === UNSUPPORTED) return superjson.serialize(root);
    throw e;
  }
}

/** For initTRPC: inputs stay superjson both ways; outputs are written by serializeFast. */
export const trpcTransformer = {
  input: superjson,
  output: { serialize: serializeFast, deserialize: superjson.deserialize.bind(superjson) },
};

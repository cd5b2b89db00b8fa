// Request bodies read within a byte budget (S3), for the tRPC and REST adapters: a declared
// Content-Length over it is refused before a byte is read, and a body that declares none (chunked)
// is counted as it arrives and dropped at the first byte past the budget, so it is never buffered whole.

/** Whether the request says, by its Content-Length, that its body is larger than `maxBytes`. */
export function declaresMoreThan(req: Request, maxBytes: number): boolean {
  const declared = req.headers.get("content-length");
  return declared !== null && !(Number(declared) <= maxBytes);
}

/** The body's bytes, or null when it is larger than `maxBytes`. */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaresMoreThan(req, maxBytes)) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

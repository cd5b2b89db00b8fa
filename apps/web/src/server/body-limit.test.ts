import { describe, expect, it } from "vitest";
import { declaresMoreThan, readBodyWithin } from "./body-limit";

const streamed = (bytes: number, chunk = 1000) => {
  let sent = 0;
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      pulls++;
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(120));
    },
  });
  return { req: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), pulls: () => pulls };
};

describe("request body within a byte budget", () => {
  it("[S3] a declared Content-Length over the budget is refused before reading", async () => {
    // As the server receives it: the header comes from the client, not from the body.
    const req = new Request("http://x/", { method: "POST", headers: { "content-length": "11" }, body: "x".repeat(11) });
    expect(declaresMoreThan(req, 10)).toBe(true);
    expect(await readBodyWithin(req, 10)).toBeNull();
    expect(req.bodyUsed).toBe(false);
  });

  it("[S3] a body without Content-Length is counted and dropped at the first chunk past the budget", async () => {
    const over = streamed(1_000_000);
    expect(declaresMoreThan(over.req, 5000)).toBe(false);
    expect(await readBodyWithin(over.req, 5000)).toBeNull();
    expect(over.pulls()).toBeLessThan(10);
  });

  it("[S3] a body at the budget, or empty, is read whole", async () => {
    expect((await readBodyWithin(streamed(5000).req, 5000))?.byteLength).toBe(5000);
    expect(new TextDecoder().decode((await readBodyWithin(new Request("http://x/", { method: "POST", body: "héllo" }), 6))!)).toBe("héllo");
    expect((await readBodyWithin(new Request("http://x/", { method: "POST" }), 10))?.byteLength).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { isSealed, KeyUnsealError, KeyWrap } from "./key-wrap";

const jwk = { kty: "EC", crv: "P-256", x: "x", y: "y", d: "private-part", kid: "k1", alg: "ES256" };

describe("private signing keys at rest", () => {
  it("[C10] a sealed key holds no readable secret and opens only with the same secret and kid", () => {
    const wrap = new KeyWrap("one-secret-one-secret-one-secret");
    const sealed = wrap.seal("k1", jwk);
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain("private-part");
    expect(wrap.open("k1", sealed)).toEqual(jwk);
    // Another secret, another kid (a sealed key copied onto another row), or a changed byte: refused.
    expect(() => new KeyWrap("another-secret-another-secret").open("k1", sealed)).toThrow(KeyUnsealError);
    expect(() => wrap.open("k2", sealed)).toThrow(KeyUnsealError);
    const flipped = { ...sealed, ct: sealed.ct.slice(0, -2) + (sealed.ct.endsWith("AA") ? "AB" : "AA") };
    expect(() => wrap.open("k1", flipped)).toThrow(KeyUnsealError);
    // Each seal uses a fresh IV.
    expect(wrap.seal("k1", jwk).iv).not.toBe(sealed.iv);
  });

  it("[C10] a short secret is refused", () => {
    expect(() => new KeyWrap("short")).toThrow(/at least 16/);
    expect(isSealed({ kty: "EC", d: "x" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { signTrackingToken, trackingUrl, verifyTrackingToken } from "./tracking-link";

const SECRET = "unit-test-tracking-secret-unit-test-tracking-secret";
const ORDER = "3f2c9a4e-8b1d-4c6e-9f00-1a2b3c4d5e6f";

describe("tracking link tokens (X2)", () => {
  it("[X2] a signed token verifies to its order, is 43 URL-safe characters, and is the same every time", () => {
    const token = signTrackingToken(ORDER, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyTrackingToken(token, SECRET)).toBe(ORDER);
    expect(signTrackingToken(ORDER.toUpperCase(), SECRET)).toBe(token);
    expect(trackingUrl("https://bloom.example/", ORDER, SECRET)).toBe(`https://bloom.example/t/${token}`);
  });

  it("[X2] an altered token is refused: any one character changed, truncated, extended, or signed with another secret", () => {
    const token = signTrackingToken(ORDER, SECRET);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      const other = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const altered = token.slice(0, i) + other + token.slice(i + 1);
      expect(verifyTrackingToken(altered, SECRET), `position ${i}`).toBeNull();
    }
    expect(verifyTrackingToken(token.slice(0, -1), SECRET)).toBeNull();
    expect(verifyTrackingToken(`${token}A`, SECRET)).toBeNull();
    expect(verifyTrackingToken(token, `${SECRET}-rotated`)).toBeNull();
    expect(verifyTrackingToken(signTrackingToken(ORDER, `${SECRET}-other`), SECRET)).toBeNull();
  });

  it("[X2] another order's id with this token's MAC, or garbage, is refused", () => {
    const a = Buffer.from(signTrackingToken(ORDER, SECRET), "base64url");
    const b = Buffer.from(signTrackingToken("11111111-2222-4333-8444-555555555555", SECRET), "base64url");
    const swapped = Buffer.concat([b.subarray(0, 16), a.subarray(16)]).toString("base64url");
    expect(verifyTrackingToken(swapped, SECRET)).toBeNull();
    for (const junk of ["", "x", ORDER, "../../etc/passwd", "A".repeat(43), "%".repeat(43)]) expect(verifyTrackingToken(junk, SECRET)).toBeNull();
    expect(() => signTrackingToken("not-an-order", SECRET)).toThrow();
  });
});

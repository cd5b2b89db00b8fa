import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCodec } from "./session-codec";

const secret = "a-test-secret-of-enough-length-0123456789";
const token = { uid: "5b7e0c1e-8a3f-4c57-9d1a-0a0b0c0d0e0f", role: "CUSTOMER" as const, email: "c@bloom.test", name: "C" };

describe("session codec (next-auth's JWT format, key derived once)", () => {
  it("[C5] reads sessions next-auth wrote, and next-auth reads ours", async () => {
    const theirs = await encode({ token, secret });
    expect(await sessionCodec.decode({ token: theirs, secret })).toMatchObject(token);
    const ours = await sessionCodec.encode({ token, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(token);
  });

  it("[C5] refuses a token made with another secret, a tampered token and an expired one", async () => {
    const ours = await sessionCodec.encode({ token, secret });
    await expect(sessionCodec.decode({ token: ours, secret: `${secret}-other` })).rejects.toThrow();
    const parts = ours.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    await expect(sessionCodec.decode({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await sessionCodec.encode({ token, secret, maxAge: -60 });
    await expect(sessionCodec.decode({ token: expired, secret })).rejects.toThrow();
    const otherHeader = [Buffer.from('{"alg":"none","enc":"A256GCM"}').toString("base64url"), ...ours.split(".").slice(1)].join(".");
    await expect(sessionCodec.decode({ token: otherHeader, secret })).rejects.toThrow();
    expect(await sessionCodec.decode({ token: undefined, secret })).toBeNull();
  });

  describe("[S2] only full-length tags and IVs, only the bytes that were sealed", () => {
    const b64 = (b: Buffer) => b.toString("base64url");
    const bytes = (s: string) => Buffer.from(s, "base64url");
    const flipBit = (s: string, bit: number) => {
      const b = bytes(s);
      b[bit >> 3]! ^= 1 << (bit & 7);
      return b64(b);
    };
    /** The token with one of its five parts replaced. */
    const withPart = (t: string, index: number, f: (part: string) => string) => t.split(".").map((p, i) => (i === index ? f(p) : p)).join(".");
    const [HEADER, , IV, CIPHERTEXT, TAG] = [0, 1, 2, 3, 4];

    it("[S2] the untouched token decodes, so each refusal below is caused by its one change", async () => {
      const t = await sessionCodec.encode({ token, secret });
      expect(await sessionCodec.decode({ token: t, secret })).toMatchObject(token);
      expect(bytes(t.split(".")[TAG]!)).toHaveLength(16);
      expect(bytes(t.split(".")[IV]!)).toHaveLength(12);
    });

    it.each([4, 8, 12, 15])("[S2] refuses the tag cut to %i bytes", async (n) => {
      const t = await sessionCodec.encode({ token, secret });
      await expect(sessionCodec.decode({ token: withPart(t, TAG!, (p) => b64(bytes(p).subarray(0, n))), secret })).rejects.toThrow();
    });

    it("[S2] refuses a tag or an IV made longer, and an empty tag or IV", async () => {
      const t = await sessionCodec.encode({ token, secret });
      for (const [part, extra] of [[TAG!, Buffer.alloc(1)], [IV!, Buffer.alloc(1)], [IV!, Buffer.alloc(4)]] as const) {
        await expect(sessionCodec.decode({ token: withPart(t, part, (p) => b64(Buffer.concat([bytes(p), extra]))), secret })).rejects.toThrow();
      }
      await expect(sessionCodec.decode({ token: withPart(t, TAG!, () => ""), secret })).rejects.toThrow();
      await expect(sessionCodec.decode({ token: withPart(t, IV!, () => ""), secret })).rejects.toThrow();
    });

    it("[S2] refuses a single flipped bit anywhere in the ciphertext, tag, IV or header", async () => {
      const t = await sessionCodec.encode({ token, secret });
      for (const part of [CIPHERTEXT!, TAG!, IV!, HEADER!]) {
        const length = bytes(t.split(".")[part]!).length;
        for (const bit of [0, 7, 8 * length - 1, Math.floor((8 * length) / 2)]) {
          await expect(sessionCodec.decode({ token: withPart(t, part, (p) => flipBit(p, bit)), secret }), `part ${part}, bit ${bit}`).rejects.toThrow();
        }
      }
    });

    it("[S2] refuses another spelling of the same bytes (padding bits set, stray characters)", async () => {
      const t = await sessionCodec.encode({ token, secret });
      // 16 bytes are 22 base64url characters; the last carries 4 unused bits.
      const tag = t.split(".")[TAG]!;
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const last = alphabet.indexOf(tag.at(-1)!);
      const sameBytes = tag.slice(0, -1) + alphabet[last ^ 1];
      expect(bytes(sameBytes)).toEqual(bytes(tag));
      await expect(sessionCodec.decode({ token: withPart(t, TAG!, () => sameBytes), secret })).rejects.toThrow();
      await expect(sessionCodec.decode({ token: withPart(t, TAG!, (p) => `${p}=`), secret })).rejects.toThrow();
      await expect(sessionCodec.decode({ token: withPart(t, CIPHERTEXT!, (p) => `${p.slice(0, 4)}*${p.slice(4)}`), secret })).rejects.toThrow();
    });
  });
});

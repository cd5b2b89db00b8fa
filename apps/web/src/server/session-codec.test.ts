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
});

// The API's signing keys at rest (C10, C5): stored sealed, an old plain key sealed on first use,
// and a process whose secret opens no active key creates one instead of failing — while the keys
// already published keep verifying the tokens they signed.
import { closeDbs } from "@bloom/db";
import { exportJWK, generateKeyPair, calculateJwkThumbprint, jwtVerify, SignJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { testContext } from "../../../../test/support/app";
import { KeyWrap } from "./key-wrap";
import { rotateSigningKey, SigningKeys } from "./signing-keys";

const { db } = testContext();
const created: string[] = [];
afterAll(async () => {
  await db.signingKey.deleteMany({ where: { kid: { in: created } } });
  await closeDbs();
});

const sign = async (keys: SigningKeys) => {
  const { kid, key } = await keys.signing();
  return new SignJWT({}).setProtectedHeader({ alg: "ES256", kid }).setIssuer("test").setExpirationTime("5m").sign(key);
};

describe("signing keys at rest", () => {
  it("[C10] a new key is stored sealed, and signs tokens that verify", async () => {
    const wrap = new KeyWrap("first-secret-first-secret-first");
    const kid = await rotateSigningKey(db, wrap);
    created.push(kid);
    const row = await db.signingKey.findUniqueOrThrow({ where: { kid } });
    expect(row.privateJwk).toMatchObject({ sealed: "A256GCM" });
    expect(JSON.stringify(row.privateJwk)).not.toMatch(/"d"/);
    const keys = new SigningKeys(db, wrap, 0);
    const token = await sign(keys);
    expect((await jwtVerify(token, keys.verificationKey)).protectedHeader.kid).toBe(kid);
  });

  it("[C10] a key stored in plain by an earlier version is sealed the first time it signs", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    created.push(kid);
    await db.signingKey.updateMany({ where: { active: true }, data: { active: false } });
    await db.signingKey.create({
      data: { kid, algorithm: "ES256", publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" }, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" } },
    });
    const wrap = new KeyWrap("first-secret-first-secret-first");
    const keys = new SigningKeys(db, wrap, 0);
    expect((await keys.signing()).kid).toBe(kid);
    const row = await db.signingKey.findUniqueOrThrow({ where: { kid } });
    expect(row.privateJwk).toMatchObject({ sealed: "A256GCM" });
    expect(JSON.stringify(row.privateJwk)).not.toMatch(/"d"/);
    // A fresh process opens it sealed and signs with the same key.
    expect((await new SigningKeys(db, wrap, 0).signing()).kid).toBe(kid);
  });

  it("[C10] with a changed secret a new key signs, and the tokens of the old key still verify", async () => {
    const oldKeys = new SigningKeys(db, new KeyWrap("first-secret-first-secret-first"), 0);
    const oldToken = await sign(oldKeys);
    const oldKid = (await oldKeys.signing()).kid;
    const warnings: string[] = [];
    const newKeys = new SigningKeys(db, new KeyWrap("second-secret-second-secret-2nd"), 0, (m) => warnings.push(m));
    const { kid: newKid } = await newKeys.signing();
    created.push(newKid);
    expect(newKid).not.toBe(oldKid);
    expect(warnings.join("\n")).toMatch(/does not open/);
    expect(warnings.join("\n")).toMatch(/a new key is created/);
    // The new process verifies both the old key's token and its own; it keeps signing with its key.
    expect((await jwtVerify(oldToken, newKeys.verificationKey)).protectedHeader.kid).toBe(oldKid);
    expect((await jwtVerify(await sign(newKeys), newKeys.verificationKey)).protectedHeader.kid).toBe(newKid);
    expect((await newKeys.signing()).kid).toBe(newKid);
    expect(await db.signingKey.count({ where: { kid: { in: [oldKid, newKid] }, active: true, retiredAt: null } })).toBe(2);
  });
});

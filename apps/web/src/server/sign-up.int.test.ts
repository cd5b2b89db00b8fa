// Sign-up against the production server as a real process (S5): weak passwords are refused on
// the password field before anything is stored, and an email that already has an account gets
// exactly the answer a new one gets, while its owner is sent a notice (a log line until the mail
// port exists) and the account itself is left alone.
import { maskEmail, SIGN_UP_FOR_EXISTING_ACCOUNT } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/support/app";
import { signIn, startWeb, stopWeb, type WebProcess } from "../../../../test/support/web";

const db = testDb();
const run = `s5-${Date.now().toString(36)}`;
const freshEmail = (tag: string) => `${run}-${tag}-${Math.random().toString(36).slice(2, 8)}@bloom.test`;
const STRONG = "river-maple-lantern-42";
const OTHER_STRONG = "harbour-tulip-violin-17";

let web: WebProcess;
beforeAll(async () => {
  web = await startWeb();
}, 600_000);
afterAll(async () => {
  await db.user.deleteMany({ where: { email: { startsWith: run } } });
  if (web) await stopWeb(web);
  await closeDbs();
});

/** account.signUp over HTTP, keeping the raw answer: the point is that it says nothing more. */
async function signUp(input: { name: string; email: string; password: string }) {
  const t0 = performance.now();
  const res = await fetch(`${web.base}/api/trpc/account.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { ...input, phone: "010-1234-5678" } }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown>, ms: performance.now() - t0 };
}

const rowsFor = (email: string) => db.user.count({ where: { email } });
const noticeLines = () =>
  web
    .output()
    .split("\n")
    .filter((l) => l.includes(`"notice":"${SIGN_UP_FOR_EXISTING_ACCOUNT}"`));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("sign-up passwords and account discovery", () => {
  it("[S5] 12345678 and password are refused on the password field, and nothing is stored", async () => {
    for (const password of ["12345678", "password"]) {
      const email = freshEmail("weak");
      const r = await signUp({ name: "Hana Seo", email, password });
      expect(r.status, password).toBe(400);
      const error = (r.json.error as { json: { message: string; data: { code: string; domainCode: string; fieldErrors: Record<string, string[]> } } }).json;
      expect(error.data.code).toBe("BAD_REQUEST");
      expect(error.data.domainCode).toBe("VALIDATION");
      expect(Object.keys(error.data.fieldErrors)).toEqual(["password"]);
      expect(error.data.fieldErrors.password![0]).toMatch(/common or leaked/);
      expect(await rowsFor(email)).toBe(0);
    }
  });

  it("[S5] an email that has an account answers exactly like a new one, changes nothing, and its owner is sent a notice", async () => {
    const email = freshEmail("owner");
    const first = await signUp({ name: "First Owner", email, password: STRONG });
    expect(first.status).toBe(200);
    const storedBefore = await db.user.findUniqueOrThrow({ where: { email } });
    const usersBefore = await db.user.count();
    const noticesBefore = noticeLines().length;

    const again = await signUp({ name: "Someone Else", email, password: OTHER_STRONG });
    const fresh = await signUp({ name: "Someone New", email: freshEmail("new"), password: OTHER_STRONG });

    // The same status and the same bytes: nothing in the answer depends on the email having an account.
    expect(again.status).toBe(fresh.status);
    expect(again.text).toBe(fresh.text);
    expect(again.text).toBe(first.text);
    expect(again.text).not.toMatch(/exist|taken|already/i);

    // Nothing new stored for the existing email; the account keeps its name and password.
    expect(await db.user.count()).toBe(usersBefore + 1); // only `fresh`
    expect(await rowsFor(email)).toBe(1);
    const storedAfter = await db.user.findUniqueOrThrow({ where: { email } });
    expect(storedAfter).toEqual(storedBefore);
    expect((await signIn(web.base, email, STRONG)).cookie).not.toBeNull();
    expect((await signIn(web.base, email, OTHER_STRONG)).cookie).toBeNull();

    // One notice, for this account, the email masked and no password on the line.
    const notices = noticeLines().slice(noticesBefore);
    expect(notices).toHaveLength(1);
    const line = JSON.parse(notices[0]!) as { email: string; level: string };
    expect(line.email).toBe(maskEmail(email));
    expect(notices[0]).not.toContain(email);
    expect(web.output()).not.toContain(OTHER_STRONG);
  });

  it("[S5] an existing email costs about the time a new one does (a bcrypt hash on both paths)", async () => {
    const email = freshEmail("timing");
    expect((await signUp({ name: "Timing Owner", email, password: STRONG })).status).toBe(200);
    const existing: number[] = [];
    const fresh: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both sides alike.
    for (let i = 0; i < 5; i++) {
      existing.push((await signUp({ name: "Timing Probe", email, password: OTHER_STRONG })).ms);
      fresh.push((await signUp({ name: "Timing Probe", email: freshEmail("timing"), password: OTHER_STRONG })).ms);
    }
    const ratio = median(existing) / median(fresh);
    expect(ratio, `existing ${median(existing).toFixed(0)} ms, new ${median(fresh).toFixed(0)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

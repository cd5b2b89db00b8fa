// S2 against the production web server as a real process: a session ends at its next request once
// the account's session version moved on (sign-out on any device, a role or password change), a
// stale cookie cannot end the sessions that came after it, and a cookie with a cut tag is no session.
// Each ended session is tried on a protected procedure, the session route, a server-rendered page
// and the live stream (SSE).
import { createStaffAccount } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/support/app";
import { checkout } from "../../../../test/support/fixtures";
import { NEW_CUSTOMER_PASSWORD, newCustomer, signIn, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";

const db = testDb();
let web: WebProcess;
const staffEmails: string[] = [];

beforeAll(async () => {
  web = await startWeb();
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
  await db.user.deleteMany({ where: { email: { in: staffEmails } } });
  await closeDbs();
});

/** Signs out as a browser does: the CSRF token read with the cookie, then the form POST. */
async function signOut(cookie: string) {
  const csrf = await fetch(`${web.base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${web.base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: web.base },
    body: new URLSearchParams({ csrfToken, callbackUrl: web.base, json: "true" }),
  });
  expect(res.status).toBe(200);
  // next-auth clears the cookie in this browser; the tests below keep sending it, as a thief would.
  expect(res.headers.getSetCookie().some((c) => /session-token=;/.test(c))).toBe(true);
}

const me = (cookie: string | null) => trpc(web.base, cookie, "account.me", undefined, "query");

/** The session route's answer for the cookie: {} when signed out. */
const sessionOf = async (cookie: string) => (await fetch(`${web.base}/api/auth/session`, { headers: { cookie } }).then((r) => r.json())) as { user?: { id: string } };

/** The live stream's first message: the router's "connected" for a session, or the UNAUTHORIZED error. */
async function liveStream(cookie: string): Promise<"connected" | "UNAUTHORIZED" | string> {
  const abort = new AbortController();
  const res = await fetch(`${web.base}/api/trpc/live.changes`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  const reader = res.body!.getReader();
  let text = "";
  try {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      // Our router's first message; tRPC's own "event: connected" opens every stream, signed in or not.
      if (text.includes('"kind":"connected"')) return "connected";
      if (text.includes("UNAUTHORIZED")) return "UNAUTHORIZED";
    }
    return text;
  } finally {
    abort.abort();
  }
}

/** Whether the server-rendered MyPage shows the signed-in customer (it sends others to sign in). */
const myPageServedBy = async (base: string, cookie: string) => (await fetch(`${base}/mypage`, { headers: { cookie }, redirect: "manual" })).status === 200;
const myPageServed = (cookie: string) => myPageServedBy(web.base, cookie);

async function expectSignedIn(cookie: string) {
  expect((await me(cookie)).status).toBe(200);
  expect((await sessionOf(cookie)).user?.id).toBeTruthy();
}

async function expectEnded(cookie: string) {
  const r = await me(cookie);
  expect(r.status).toBe(401);
  expect(r.error?.data.code).toBe("UNAUTHORIZED");
  expect(await sessionOf(cookie)).toEqual({});
}

const sessionCookie = (cookie: string) => cookie.split("; ").find((c) => c.includes("session-token="))!;

async function newStaff(role: "OWNER" | "RIDER", password = "staff-pass-1234") {
  const email = `staff-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@bloom.test`;
  staffEmails.push(email);
  await createStaffAccount(db, { name: "Staff Test", email, password, role });
  const { cookie } = await signIn(web.base, email, password);
  expect(cookie).not.toBeNull();
  return { email, password, cookie: cookie! };
}

describe("sessions end when the account says so", () => {
  it("[S2] a cookie replayed after sign-out is refused everywhere: tRPC, the session route, pages and the live stream", async () => {
    const { cookie } = await newCustomer(web.base);
    await expectSignedIn(cookie);
    expect(await myPageServed(cookie)).toBe(true);
    expect(await liveStream(cookie)).toBe("connected");

    await signOut(cookie);

    await expectEnded(cookie);
    expect(await myPageServed(cookie)).toBe(false);
    expect(await liveStream(cookie)).toBe("UNAUTHORIZED");
  });

  it("[S2] signing out on one device ends the sessions on every device; signing in again works", async () => {
    const { email, cookie: phone } = await newCustomer(web.base);
    const laptop = (await signIn(web.base, email, NEW_CUSTOMER_PASSWORD)).cookie!;
    await expectSignedIn(phone);
    await expectSignedIn(laptop);

    await signOut(phone);

    await expectEnded(phone);
    await expectEnded(laptop);
    const again = (await signIn(web.base, email, NEW_CUSTOMER_PASSWORD)).cookie!;
    await expectSignedIn(again);
  });

  it("[S2] an ended session's cookie signing out again does not end the sessions after it", async () => {
    const { email, cookie: old } = await newCustomer(web.base);
    await signOut(old);
    const current = (await signIn(web.base, email, NEW_CUSTOMER_PASSWORD)).cookie!;

    await signOut(old);

    await expectSignedIn(current);
  });

  it("[S2] a role change through createStaffAccount ends the account's sessions; the same values again do not", async () => {
    const staff = await newStaff("RIDER");
    expect((await me(staff.cookie)).data).toMatchObject({ role: "RIDER" });

    await createStaffAccount(db, { name: "Staff Test", email: staff.email, password: staff.password, role: "RIDER" });
    await expectSignedIn(staff.cookie);

    await createStaffAccount(db, { name: "Staff Test", email: staff.email, password: staff.password, role: "OWNER" });
    await expectEnded(staff.cookie);
    expect(await liveStream(staff.cookie)).toBe("UNAUTHORIZED");
    const again = (await signIn(web.base, staff.email, staff.password)).cookie!;
    expect((await me(again)).data).toMatchObject({ role: "OWNER" });
  });

  it("[S2] a password reset ends the account's sessions, and the old password no longer signs in", async () => {
    const staff = await newStaff("OWNER");
    await expectSignedIn(staff.cookie);

    await createStaffAccount(db, { name: "Staff Test", email: staff.email, password: "a-new-pass-5678", role: "OWNER" });

    await expectEnded(staff.cookie);
    expect((await signIn(web.base, staff.email, staff.password)).cookie).toBeNull();
    expect((await signIn(web.base, staff.email, "a-new-pass-5678")).cookie).not.toBeNull();
  });

  it("[S2] a role changed behind the application's back (SQL) ends the session too", async () => {
    const staff = await newStaff("RIDER");
    await expectSignedIn(staff.cookie);
    await db.user.update({ where: { email: staff.email }, data: { role: "OWNER" } });
    await expectEnded(staff.cookie);
  });

  it("[S2] a session cookie whose tag is cut (4 or 15 bytes) or bit-flipped is no session, and the session route clears it", async () => {
    const { cookie } = await newCustomer(web.base);
    await expectSignedIn(cookie);
    const session = sessionCookie(cookie);
    const tag = session.split(".").at(-1)!;
    const tagBytes = Buffer.from(tag, "base64url");
    const flipped = Buffer.from(tagBytes);
    flipped[0]! ^= 1;
    for (const forged of [tagBytes.subarray(0, 4), tagBytes.subarray(0, 15), flipped]) {
      const forgedCookie = cookie.replace(session, `${session.slice(0, -tag.length)}${forged.toString("base64url")}`);
      expect(forgedCookie).not.toBe(cookie);
      await expectEnded(forgedCookie);
      expect(await myPageServed(forgedCookie)).toBe(false);
      const res = await fetch(`${web.base}/api/auth/session`, { headers: { cookie: forgedCookie } });
      expect(res.headers.getSetCookie().some((c) => /session-token=;/.test(c))).toBe(true);
    }
    // The untouched cookie is still a session: the refusals came from the cuts alone.
    await expectSignedIn(cookie);
  });

  it("[S2] a web process whose first request is a page still serves tRPC: both check sessions on one pool", async () => {
    // Next bundles the database module once per server layer (route handlers, server components);
    // whichever makes the process's client first (here the readiness probe), the other must still
    // find its pool: pages failed with "sqlOf: this client was not created by getDb" until the
    // registry in packages/db was shared.
    const { email, cookie } = await newCustomer(web.base);
    const second = await startWeb();
    try {
      expect(await myPageServedBy(second.base, cookie)).toBe(true);
      expect((await trpc(second.base, cookie, "order.place", checkout())).status).toBe(200);
      expect(await db.order.count({ where: { customerId: (await db.user.findUniqueOrThrow({ where: { email } })).id } })).toBe(1);
    } finally {
      await stopWeb(second);
    }
  });
});

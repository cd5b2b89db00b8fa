// The session check's decisions (S2), with the account lookup stubbed: the database behaviour itself
// is proven against the production server in session-check.int.test.ts.
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

const lookup = vi.hoisted(() => ({ current: vi.fn(), end: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }));
vi.mock("@bloom/app", () => ({ currentSession: lookup.current, endSessionsOf: lookup.end }));
vi.mock("./services", () => ({ services: () => ({ db: {}, log: { info: lookup.info, warn: lookup.warn, error: lookup.error } }) }));

const { authLogger, checked, sessionCallbacks, sessionEvents, SessionUnchecked } = await import("./session-check");

const uid = "5b7e0c1e-8a3f-4c57-9d1a-0a0b0c0d0e0f";
const token = (over: Partial<JWT> = {}): JWT => ({ uid, role: "CUSTOMER", email: "c@bloom.test", name: "C", sessionVersion: 3, ...over });
const jwt = (t: JWT, user?: unknown) => sessionCallbacks.jwt!({ token: t, user: user as never, account: null } as never) as Promise<JWT>;
const session = (t: JWT) => sessionCallbacks.session!({ session: { expires: "" }, token: t } as never) as Promise<Session>;

beforeEach(() => vi.clearAllMocks());

describe("session check", () => {
  it("[S2] at sign-in the token takes the account's version, without a lookup", async () => {
    const t = await jwt({} as JWT, { id: uid, role: "OWNER", sessionVersion: 7 });
    expect(t).toMatchObject({ uid, role: "OWNER", sessionVersion: 7 });
    expect(lookup.current).not.toHaveBeenCalled();
  });

  it("[S2] a later request holds while the version and role are still the account's", async () => {
    lookup.current.mockResolvedValue({ version: 3, role: "CUSTOMER" });
    await expect(jwt(token())).resolves.toMatchObject({ uid, sessionVersion: 3 });
    expect(lookup.current).toHaveBeenCalledWith({}, uid);
  });

  it("[S2] a moved-on version, another role or a deleted account ends the session (a throw: next-auth signs out)", async () => {
    for (const now of [{ version: 4, role: "CUSTOMER" }, { version: 3, role: "OWNER" }, null]) {
      lookup.current.mockResolvedValue(now);
      await expect(jwt(token())).rejects.toThrow(/ended/);
    }
    await expect(jwt(token({ uid: "" }))).rejects.toThrow();
  });

  it("[S2] a token from before session versions counts as version 0", async () => {
    lookup.current.mockResolvedValue({ version: 0, role: "CUSTOMER" });
    await expect(jwt(token({ sessionVersion: undefined }))).resolves.toBeTruthy();
    lookup.current.mockResolvedValue({ version: 1, role: "CUSTOMER" });
    await expect(jwt(token({ sessionVersion: undefined }))).rejects.toThrow();
  });

  it("[S2] a database outage fails the request without signing out: the mark is not written into the cookie", async () => {
    lookup.current.mockRejectedValue(new Error("connection terminated"));
    const t = await jwt(token());
    expect(JSON.parse(JSON.stringify(t))).toEqual(token());
    const s = await session(t);
    expect(() => checked(s)).toThrow(SessionUnchecked);
    expect(lookup.warn).toHaveBeenCalled();

    lookup.current.mockResolvedValue({ version: 3, role: "CUSTOMER" });
    const fine = await session(await jwt(token()));
    expect(checked(fine)).toMatchObject({ user: { id: uid, role: "CUSTOMER" } });
    expect(checked(null)).toBeNull();
  });

  it("[S2] sign-out ends the sessions of the version the token carries", async () => {
    await sessionEvents.signOut!({ token: token(), session: {} as never });
    expect(lookup.end).toHaveBeenCalledWith({}, uid, 3);
    await sessionEvents.signOut!({ token: token({ sessionVersion: undefined }), session: {} as never });
    expect(lookup.end).toHaveBeenLastCalledWith({}, uid, 0);
  });

  it("[S2] an ended session is logged as routine, a refused token as a warning, anything else as an error", async () => {
    lookup.current.mockResolvedValue(null);
    const ended = await jwt(token()).catch((e: unknown) => e);
    authLogger.error!("JWT_SESSION_ERROR", ended as Error);
    expect(lookup.info).toHaveBeenCalledOnce();
    authLogger.error!("JWT_SESSION_ERROR", new Error("session token: tag must be 16 bytes"));
    expect(lookup.warn).toHaveBeenCalledOnce();
    authLogger.error!("SIGNOUT_ERROR", { error: new Error("db down") } as never);
    expect(lookup.error).toHaveBeenCalledOnce();
  });
});

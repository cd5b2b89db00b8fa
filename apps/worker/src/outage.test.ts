// E2 (unit): which failures are outages (back off, no attempt spent), which are poison (dead
// letter at once), and the queue's back-off while an outage lasts.
import { parseEvent, PaymentProviderError } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import { classifyFailure, isFinalFailure, isPoisonFailure, OutageBackoff, POISON_PREFIX } from "./outage";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("failure classification", () => {
  it("[E2] PostgreSQL unreachable or connections cut are outages, whichever layer reports them", () => {
    expect(classifyFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("database-outage");
    expect(classifyFailure(pgError("57P01", "terminating connection due to administrator command"))).toBe("database-outage");
    expect(classifyFailure(pgError("57P03", "the database system is starting up"))).toBe("database-outage");
    expect(classifyFailure(pgError("08006", "connection failure"))).toBe("database-outage");
    expect(classifyFailure(new Error("Connection terminated unexpectedly"))).toBe("database-outage");
    expect(classifyFailure(new Error("Client has encountered a connection error and is not queryable"))).toBe("database-outage");
    expect(classifyFailure(new Error("timeout exceeded when trying to connect"))).toBe("database-outage");
    // Prisma over the pg adapter: a known request error wrapping the adapter's error.
    const prisma = Object.assign(new Error("Can't reach database server at 127.0.0.1:5999"), {
      name: "PrismaClientKnownRequestError",
      code: "P1001",
      meta: { driverAdapterError: Object.assign(new Error("DatabaseNotReachable"), { cause: { kind: "DatabaseNotReachable" } }) },
    });
    expect(classifyFailure(prisma)).toBe("database-outage");
    const raw = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      meta: { driverAdapterError: Object.assign(new Error("ConnectionClosed"), { cause: { kind: "ConnectionClosed" } }) },
    });
    expect(classifyFailure(raw)).toBe("database-outage");
    expect(classifyFailure(new Error("wrapped", { cause: pgError("57P01", "terminating connection") }))).toBe("database-outage");
  });

  it("[E2] the processor failing is an outage", () => {
    expect(classifyFailure(new PaymentProviderError("The card processor could not process the charge"))).toBe("processor-outage");
  });

  it("[E2] a payload that does not parse is poison; other errors are ordinary failures", () => {
    let zod: unknown;
    try {
      parseEvent({ version: 1, type: "OrderPlaced", payload: {} });
    } catch (e) {
      zod = e;
    }
    expect(classifyFailure(zod)).toBe("poison");
    let version: unknown;
    try {
      parseEvent({ not: "an event" });
    } catch (e) {
      version = e;
    }
    expect(classifyFailure(version)).toBe("poison");
    expect(classifyFailure(pgError("23505", "duplicate key value violates unique constraint"))).toBe("other");
    expect(classifyFailure(pgError("40P01", "deadlock detected"))).toBe("other");
    expect(classifyFailure(new TypeError("Cannot read properties of undefined"))).toBe("other");
  });

  it("[E2] final failures: attempts used up, or unrecoverable; poison reasons are recognised", () => {
    expect(isFinalFailure({ attemptsMade: 10, opts: { attempts: 10 } }, new Error("x"))).toBe(true);
    expect(isFinalFailure({ attemptsMade: 3, opts: { attempts: 10 } }, new Error("x"))).toBe(false);
    expect(isFinalFailure({ attemptsMade: 1, opts: { attempts: 10 } }, Object.assign(new Error("x"), { name: "UnrecoverableError" }))).toBe(true);
    expect(isPoisonFailure(`${POISON_PREFIX}bad`)).toBe(true);
    expect(isPoisonFailure("job stalled more than allowable limit")).toBe(true);
    expect(isPoisonFailure("connect ECONNREFUSED")).toBe(false);
    expect(isPoisonFailure(undefined)).toBe(false);
  });
});

describe("outage back-off", () => {
  it("[E2] doubles from 0.5 s to 10 s, shared by jobs failing within one back-off, and resets after a success", () => {
    let now = 0;
    const b = new OutageBackoff({ now: () => now });
    expect(b.next("q")).toEqual({ ms: 500, started: true });
    now = 100;
    expect(b.next("q")).toEqual({ ms: 400, started: false }); // same window: no doubling
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      now += 60_000;
      seen.push(b.next("q").ms);
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000, 10000, 10000, 10000]);
    expect(b.next("other").started).toBe(true);
    expect(b.recovered("q")).toBe(true);
    expect(b.recovered("q")).toBe(false);
    now += 60_000;
    expect(b.next("q")).toEqual({ ms: 500, started: true });
  });
});

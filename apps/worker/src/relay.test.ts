// E4 (unit): the relay publishes only rows of event types and versions this worker can read; the
// rest stay unpublished for a worker that knows them.
import { EVENT_TYPES, EVENT_VERSION } from "@bloom/domain";
import type { Db } from "@bloom/db";
import type { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { isKnownEvent, KNOWN_TYPES, OutboxRelay } from "./relay";

/** A Db whose transaction records the relay's statements and answers the SELECT with `rows`. */
function fakeDb(rows: { id: string; type: string; payload: unknown }[]) {
  const statements: { sql: string; values: unknown[] }[] = [];
  const tx = {
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      statements.push({ sql: strings.join("?"), values });
      return rows;
    },
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      statements.push({ sql: strings.join("?"), values });
      return rows.length;
    },
  };
  const db = { $transaction: async (fn: (t: typeof tx) => Promise<unknown>) => fn(tx) } as unknown as Db;
  return { db, statements };
}

function fakeQueues() {
  const added: Record<string, { name: string; opts: { jobId: string } }[]> = {};
  const queues = new Proxy({} as Record<string, Queue>, {
    get: (_t, policy: string) => ({
      addBulk: async (jobs: { name: string; opts: { jobId: string } }[]) => {
        (added[policy] ??= []).push(...jobs);
        return [];
      },
    }),
  });
  return { queues, added };
}

describe("outbox relay filter", () => {
  it("[E4] knows exactly the catalog's types at the current version", () => {
    expect([...KNOWN_TYPES].sort()).toEqual([...EVENT_TYPES].sort());
    expect(isKnownEvent("OrderPlaced", EVENT_VERSION)).toBe(true);
    expect(isKnownEvent("GiftWrapped", EVENT_VERSION)).toBe(false);
    expect(isKnownEvent("OrderPlaced", EVENT_VERSION + 1)).toBe(false);
    expect(isKnownEvent("GiftWrapped", EVENT_VERSION, [...KNOWN_TYPES, "GiftWrapped"])).toBe(true);
  });

  it("[E4] selects only known types at the current version, and marks only what it selected as published", async () => {
    const { db, statements } = fakeDb([{ id: "00000000-0000-4000-8000-0000000000a1", type: "OrderPlaced", payload: {} }]);
    const { queues, added } = fakeQueues();
    const relay = new OutboxRelay(db, queues as never, { intervalMs: 50, batch: 10, log: () => {} });
    expect(await relay.publishBatch()).toBe(1);
    const select = statements[0]!;
    expect(select.sql).toMatch(/published_at IS NULL AND type = ANY\(\?::text\[\]\) AND version = \?/);
    expect(select.values[0]).toEqual(KNOWN_TYPES);
    expect(select.values[1]).toBe(EVENT_VERSION);
    const update = statements[1]!;
    expect(update.sql).toMatch(/UPDATE outbox_events SET published_at/);
    expect(update.values[0]).toEqual(["00000000-0000-4000-8000-0000000000a1"]);
    expect(Object.keys(added).sort()).toEqual(["mypage-projection", "partner-webhooks", "sender-email", "staff-push", "store-notification"]);
    expect(added["store-notification"]![0]!.opts.jobId).toBe("00000000-0000-4000-8000-0000000000a1");
  });

  it("[E4] a newer worker's relay (a longer catalog) selects the newer type too", async () => {
    const { db, statements } = fakeDb([]);
    const relay = new OutboxRelay(db, fakeQueues().queues as never, { intervalMs: 50, batch: 10, log: () => {}, knownTypes: [...KNOWN_TYPES, "GiftWrapped"] });
    expect(await relay.publishBatch()).toBe(0);
    expect(statements[0]!.values[0]).toContain("GiftWrapped");
  });
});

// X5 (unit): a message a provider failed to take is retried after a delay that doubles from the
// base and stops growing at the cap — so an outage of any length delays it, never ends it.
import { describe, expect, it } from "vitest";
import { idempotencyKeyOf } from "./messages";
import { retryDelayMs } from "./dispatch";

describe("message retries (X5)", () => {
  it("[X5] backoff doubles from 1 s and is capped (default 60 s)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(retryDelayMs(10_000)).toBe(60_000);
    expect(retryDelayMs(3, 500, 1500)).toBe(1500);
  });

  it("[X5] the idempotency key is event + channel + recipient, plus the kind only when asked", () => {
    const m = { eventId: "e1", channel: "email" as const, recipient: "a@b.c", kind: "receipt" };
    expect(idempotencyKeyOf(m)).toBe("e1:email:a@b.c");
    expect(idempotencyKeyOf({ ...m, keyByKind: true })).toBe("e1:email:a@b.c:receipt");
  });
});

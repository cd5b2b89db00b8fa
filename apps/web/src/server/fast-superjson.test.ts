import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeFast } from "./fast-superjson";

const board = {
  orders: Array.from({ length: 3 }, (_, i) => ({
    orderId: `o-${i}`,
    createdAt: new Date(Date.UTC(2026, 10, 26, 9, i)),
    deliveredAt: i === 0 ? null : undefined,
    lines: [{ bouquetId: "b", name: "Roses", unitPriceWon: 59000, quantity: i + 1 }],
    note: null,
    overStock: i === 2,
  })),
  unread: 7,
  "odd.key\\with": { at: new Date(0) },
  empty: [],
};

describe("tRPC output transformer (superjson's format, plain walk)", () => {
  it("[C8] writes what superjson writes for our answers, and superjson reads it back exactly", () => {
    const fast = serializeFast(board);
    expect(fast.json).toEqual(superjson.serialize(board).json);
    expect(fast.meta?.values).toEqual(superjson.serialize(board).meta?.values);
    expect(superjson.deserialize(fast)).toEqual(board);
    expect(serializeFast({ a: 1, b: ["x", true, null] })).toEqual({ json: { a: 1, b: ["x", true, null] } });
  });

  it("[C8] hands what it does not know (Map, Set, BigInt, NaN, a root Date, class instances) to superjson", () => {
    class Money {
      constructor(readonly won: number) {}
    }
    for (const value of [{ m: new Map([["a", 1]]) }, { s: new Set([1]) }, { n: 10n }, { x: Number.NaN }, new Date(5), { c: new Money(3) }, undefined]) {
      expect(serializeFast(value)).toEqual(superjson.serialize(value));
    }
  });
});

import { describe, expect, it } from "vitest";
import { followsOrders } from "./react";

describe("[P1][B1] a live change refetches what follows orders, not the catalog", () => {
  it.each([
    [[["order", "get"], { input: { orderId: "o1" }, type: "query" }], true],
    [[["mypage", "list"], { type: "infinite" }], true],
    [[["store", "board"], { input: { storeId: "s1" }, type: "query" }], true],
    [[["delivery", "screen"], { type: "query" }], true],
    [[["catalog", "store"], { input: { storeId: "s1" }, type: "query" }], false],
    [[["schedule", "slots"], { type: "query" }], false],
    [[["account", "me"], { type: "query" }], false],
    [["not-trpc"], true],
  ])("%j → %s", (key, expected) => {
    expect(followsOrders(key as unknown[])).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { ORDER_NUMBER_LENGTH, orderNumber, orderNumberLabel } from "./order-number";

describe("order number", () => {
  it("[W6] is the order id's first 8 hex digits in upper case, the same for every screen", () => {
    const id = "3f9a0c12-7b4e-4d2a-9c1f-0a1b2c3d4e5f";
    expect(orderNumber(id)).toBe("3F9A0C12");
    expect(orderNumber(id)).toHaveLength(ORDER_NUMBER_LENGTH);
    expect(orderNumberLabel(id)).toBe("#3F9A0C12");
    // Upper- or lower-case ids (Postgres prints lower case) give the same number.
    expect(orderNumber(id.toUpperCase())).toBe("3F9A0C12");
  });

  it("[W6] two ids that share only their first 6 digits get different numbers (the board's old 6 did not)", () => {
    expect(orderNumber("abcdef01-0000-4000-8000-000000000000")).not.toBe(orderNumber("abcdef02-0000-4000-8000-000000000000"));
  });

  it("[W6] refuses a value that is not an order id", () => {
    for (const bad of ["", "abc", "zzzzzzzz-0000-4000-8000-000000000000", "#3F9A0C12"]) expect(() => orderNumber(bad)).toThrow(RangeError);
  });
});

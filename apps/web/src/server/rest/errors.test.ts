// C10: the REST adapter maps every domain refusal code to one HTTP status, in one place, and its
// error answers carry a code and words — never a stack trace.
import { DOMAIN_ERROR_CODES, placeOrderSchema, refuse } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import { ApiError, HTTP_STATUS, internalError, refusalError, validationError } from "./errors";

describe("REST error mapping", () => {
  it("[C10] every domain code has an HTTP status; the main ones as documented", () => {
    for (const code of DOMAIN_ERROR_CODES) expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(HTTP_STATUS).toMatchObject({
      VALIDATION: 400,
      NOT_FOUND: 404,
      OUT_OF_STOCK: 409,
      PAYMENT_DECLINED: 402,
      INSUFFICIENT_FUNDS: 402,
      PAYMENT_BUSY: 503,
      PAYMENT_FAILED: 502,
      CANNOT_CANCEL: 409,
    });
  });

  it("[C10][N3] PAYMENT_BUSY answers 503 with Retry-After", async () => {
    const res = refusalError({ ...refuse("PAYMENT_BUSY", "Payments are busy"), retryAfterSec: 4.2 }).toResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ error: { code: "PAYMENT_BUSY", message: "Payments are busy" } });
  });

  it("[C10] validation errors name the field; a use case's 'path: message' refusal too", async () => {
    const parsed = placeOrderSchema.safeParse({});
    expect(parsed.success).toBe(false);
    const e = validationError(parsed.error!);
    expect(e).toMatchObject({ status: 400, code: "VALIDATION", field: "storeId" });
    expect(refusalError(refuse("VALIDATION", "delivery.recipientPhone: Enter a phone number"))).toMatchObject({
      status: 400,
      field: "delivery.recipientPhone",
      message: "Enter a phone number",
    });
    expect(await new ApiError(400, "VALIDATION", "Bad", {}, "items").toResponse().json()).toEqual({ error: { code: "VALIDATION", message: "Bad", field: "items" } });
  });

  it("[C10] an internal error says nothing about its cause", async () => {
    const body = JSON.stringify(await internalError().toResponse().json());
    expect(body).not.toMatch(/stack|at \w+ \(|Error:/);
    expect(internalError().status).toBe(500);
  });
});

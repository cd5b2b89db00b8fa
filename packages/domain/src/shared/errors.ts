// Typed refusals: the domain says *why* with a code; one place per adapter maps codes to
// transport errors, and the UI maps them to words.
export const DOMAIN_ERROR_CODES = [
  "VALIDATION",
  "NOT_FOUND",
  "FORBIDDEN",
  "STORE_CLOSED",
  "BOUQUET_UNAVAILABLE",
  "OUT_OF_STOCK",
  "MIXED_STORES",
  "PAYMENT_DECLINED",
  "INSUFFICIENT_FUNDS",
  "PAYMENT_FAILED",
  "PAYMENT_BUSY",
  "INVALID_TRANSITION",
  "CANNOT_CANCEL",
  "ALREADY_TAKEN",
  "EMAIL_TAKEN",
  "IDEMPOTENCY_KEY_REUSED",
  // The same idempotency key's first request is still being charged: retry after a moment (M1).
  "PAYMENT_IN_PROGRESS",
  // The customer cancelled the order before the owner's rejection (or the reverse): one wins (M3).
  "ORDER_CANCELLED",
  // The shop's delivery zones do not cover the address, or the order is below the zone's minimum (D1).
  "OUTSIDE_DELIVERY_ZONE",
  "BELOW_MINIMUM_ORDER",
  // When a shop delivers (D2): the chosen day or slot cannot be booked, refused before payment.
  "SLOT_CLOSED",
  "SLOT_TOO_SOON",
  "SLOT_FULL",
  // The shop requires a photo at the door and none was taken (D5).
  "PHOTO_REQUIRED",
  // W1, photo approval: the shop sends the sender a photo first; only the order's sender answers it,
  // within the shop's window, asking for one change at most, and only a photo that waits for them.
  "ARRANGEMENT_PHOTO_REQUIRED",
  "NOT_THE_SENDER",
  "APPROVAL_WINDOW_CLOSED",
  "CHANGE_ALREADY_REQUESTED",
  "NO_ARRANGEMENT_PHOTO",
  // W4: an add-on in the cart is unknown, retired or another shop's.
  "ADDON_UNAVAILABLE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type Refusal = { ok: false; code: DomainErrorCode; message: string };
export type Result<T> = ({ ok: true } & T) | Refusal;

export const refuse = (code: DomainErrorCode, message: string): Refusal => ({
  ok: false,
  code,
  message,
});

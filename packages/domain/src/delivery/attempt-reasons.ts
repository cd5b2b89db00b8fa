// Why a delivery could not be made at the door (D4), with no zod: the rider's and the shop's screens list them (P1).
export const ATTEMPT_REASONS = ["NOBODY_HOME", "ADDRESS_NOT_FOUND", "REFUSED", "NO_ACCESS", "OTHER"] as const;
export type AttemptReason = (typeof ATTEMPT_REASONS)[number];

// Why a shop turns an order down, with no zod: the board and MyPage name the reason in the browser (P1).
export const REJECT_REASONS = ["OUT_OF_FLOWERS", "OUT_OF_MATERIALS", "OTHER"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
/** The most an owner may write beside the reason (the reject dialog counts it down in the browser). */
export const REJECT_DETAIL_MAX = 200;

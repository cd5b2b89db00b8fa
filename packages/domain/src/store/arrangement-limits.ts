// W1: photo approval's states and limits, with no zod: the sender's and the florist's screens
// import these without shipping the schemas (P1). arrangement.ts re-exports them beside its schemas.
/** AWAITING: a photo waits for the sender; CHANGE_REQUESTED: the florist arranges it again; WITHDRAWN: the order was cancelled meanwhile. */
export const ARRANGEMENT_STATUSES = ["AWAITING", "CHANGE_REQUESTED", "APPROVED", "WITHDRAWN"] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const APPROVERS = ["sender", "timeout"] as const;
export type Approver = (typeof APPROVERS)[number];

/** One change request per order: the first photo is round 1, the one after the change round 2. */
export const ARRANGEMENT_MAX_ROUNDS = 2;
export const ARRANGEMENT_NOTE_MAX = 300;
export const SUBSTITUTIONS_MAX = 300;
export const APPROVAL_WINDOW_DEFAULT_MINUTES = 30;
export const APPROVAL_WINDOW_MIN_MINUTES = 5;
export const APPROVAL_WINDOW_MAX_MINUTES = 240;

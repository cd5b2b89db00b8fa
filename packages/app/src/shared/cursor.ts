// Page cursors are ids of the caller's own rows. One refusal for a cursor that is not the
// caller's, whether the row belongs to someone else or does not exist: the answer tells nothing
// about other people's rows (S6).
import { refuse, type Refusal } from "@bloom/domain";

export const invalidCursor = (): Refusal => refuse("VALIDATION", "Invalid cursor");

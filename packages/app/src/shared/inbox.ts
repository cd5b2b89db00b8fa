// Idempotent consumers (C4): a consumer's effect and its processed-event record commit together,
// so an event delivered twice — or to two workers at once — takes effect once.
import type { Db, Tx } from "@bloom/db";
import { isUniqueViolation } from "./prisma-errors";

export async function handleOnce(
  db: Db,
  consumer: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<"done" | "duplicate"> {
  try {
    await db.$transaction(async (tx) => {
      // Claimed first: a concurrent duplicate blocks here until we commit, then fails.
      await tx.processedEvent.create({ data: { consumer, eventId } });
      await effect(tx);
    });
    return "done";
  } catch (e) {
    if (isUniqueViolation(e)) {
      const seen = await db.processedEvent.findUnique({ where: { consumer_eventId: { consumer, eventId } } });
      if (seen) return "duplicate";
    }
    throw e;
  }
}

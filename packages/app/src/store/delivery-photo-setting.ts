// The shop's "photo required at the door" setting (D5). It applies to bouquets arranged from now
// on: DecorationCompleted carries it to the delivery, so a delivery already under way keeps the
// rule it started with.
import type { Db } from "@bloom/db";
import { refuse, type Result } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";

export async function setRequireDeliveryPhoto(db: Db, owner: Owner, storeId: string, required: boolean): Promise<Result<{ required: boolean }>> {
  if (!(await storeIdsOf(db, owner)).includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  await db.store.update({ where: { id: storeId }, data: { requireDeliveryPhoto: required } });
  return { ok: true, required };
}

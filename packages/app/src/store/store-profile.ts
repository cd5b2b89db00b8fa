// W5: the owner edits the shop's name, address and description in English and Korean. Orders keep
// the names as they were ordered; a delivery under way keeps the address its event carried.
import type { Db } from "@bloom/db";
import { refuse, storeProfileSchema, type Result, type StoreProfile } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";

export async function saveStoreProfile(db: Db, owner: Owner, raw: unknown): Promise<Result<{ profile: StoreProfile }>> {
  const parsed = storeProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("VALIDATION", `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`);
  }
  const { storeId, ...fields } = parsed.data;
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  await db.store.update({ where: { id: storeId }, data: fields });
  return { ok: true, profile: parsed.data };
}

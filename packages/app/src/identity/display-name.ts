// A user's display name, for a message that names them to someone else (X2: the sender of a gift,
// unless they chose anonymous). Nothing else of the account.
import type { Db } from "@bloom/db";

export async function displayNameOf(db: Db, userId: string): Promise<string | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return u?.name.trim() || null;
}

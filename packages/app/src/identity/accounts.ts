// Customer sign-up and credential checks for next-auth's credentials provider.
import bcrypt from "bcryptjs";
import type { Db } from "@bloom/db";
import { refuse, signUpSchema, type Result, type Role } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { isUniqueViolation } from "../shared/prisma-errors";
import { checkPassword, type PasswordRefusal } from "./password-policy";
import { endingEverySession } from "./sessions";

export type SessionUser = { id: string; email: string; name: string; role: Role };

// A fixed hash to compare against when the email is unknown, so both refusals take equal time.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.QJ5pyJ0P9C1H2yZ5Yq8Fz8p8L1nW";

/** The signed-in user, with the session version the new session is issued under (S2). */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Customer sign-up (S5). Answers the same whether or not the email already has an account: the
 * same result, and the same work (a bcrypt hash, one insert) before it, so neither the answer nor
 * its timing tells who is a customer. The existing account is left as it was; its owner gets a notice.
 */
export async function signUpCustomer(
  ctx: Pick<AppContext, "db" | "notices" | "log">,
  input: unknown,
): Promise<Result<object> | PasswordRefusal> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return refuse("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const { name, email, password, phone } = parsed.data;
  const weak = await checkPassword(password, { email, name });
  if (weak) return weak;
  const passwordHash = await bcrypt.hash(password, 10);
  try {
    await ctx.db.user.create({ data: { name, email, phone, role: "CUSTOMER", passwordHash } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // A failing notice must not change the answer either: that would tell the email exists.
    await ctx.notices.signUpAttemptedForExistingAccount(email).catch((err: unknown) => ctx.log.error({ err: String(err) }, "account notice failed"));
  }
  return { ok: true };
}

/**
 * For operators: creates a store owner or rider account, or resets an existing one's role, name and
 * password. A new role or a new password ends every session the account had (S2); the same values
 * again leave its sessions alone.
 */
export async function createStaffAccount(
  db: Db,
  input: { name: string; email: string; password: string; role: "OWNER" | "RIDER" | "ADMIN" },
) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { role: true, passwordHash: true } });
  const samePassword = existing ? await bcrypt.compare(input.password, existing.passwordHash) : false;
  const passwordHash = existing && samePassword ? existing.passwordHash : await bcrypt.hash(input.password, 10);
  const endsSessions = existing !== null && (existing.role !== input.role || !samePassword);
  return db.user.upsert({
    where: { email },
    update: { role: input.role, name: input.name, passwordHash, ...(endsSessions ? endingEverySession : {}) },
    create: { email, name: input.name, role: input.role, passwordHash },
  });
}

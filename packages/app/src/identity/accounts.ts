// Customer sign-up and credential checks for next-auth's credentials provider.
import bcrypt from "bcryptjs";
import type { Db } from "@bloom/db";
import { refuse, signUpSchema, type Result, type Role } from "@bloom/domain";
import { isUniqueViolation } from "../shared/prisma-errors";

export type SessionUser = { id: string; email: string; name: string; role: Role };

// A fixed hash to compare against when the email is unknown, so both refusals take equal time.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.QJ5pyJ0P9C1H2yZ5Yq8Fz8p8L1nW";

export async function verifyCredentials(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function signUpCustomer(db: Db, input: unknown): Promise<Result<{ user: SessionUser }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return refuse("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const { name, email, password, phone } = parsed.data;
  try {
    const user = await db.user.create({
      data: { name, email, phone, role: "CUSTOMER", passwordHash: await bcrypt.hash(password, 10) },
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  } catch (e) {
    if (isUniqueViolation(e)) return refuse("EMAIL_TAKEN", "An account with this email already exists");
    throw e;
  }
}

/** For operators: creates a store owner or rider account (used by the CLI). */
export async function createStaffAccount(
  db: Db,
  input: { name: string; email: string; password: string; role: "OWNER" | "RIDER" | "ADMIN" },
) {
  const passwordHash = await bcrypt.hash(input.password, 10);
  return db.user.upsert({
    where: { email: input.email.toLowerCase() },
    update: { role: input.role, name: input.name, passwordHash },
    create: { email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash },
  });
}

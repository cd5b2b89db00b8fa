// Recognises PostgreSQL/Prisma errors we handle on purpose, without leaking them to users.
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string }; message?: string } | null;
  return err?.code === "P2002" || err?.code === "23505" || err?.cause?.code === "23505" || /Unique constraint/i.test(err?.message ?? "");
}

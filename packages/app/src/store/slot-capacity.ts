// The slot-capacity port (D2): how place-order takes one unit of a date and slot, and how every
// path that gives stock back gives the slot back too. Like the inventory port (inventory.ts), the
// reservation row decides "exactly once, whoever calls", and both are SQL functions of the store
// context's migration (store_reserve_slot / store_release_slot), each one atomic statement.
//
// Released when the attempt never became an order (declined, failed, voided — settleAttempt and
// the reconciler), when the shop rejects the order, and when the customer cancels it: a cancelled
// or rejected order will not be delivered, so its slot is free again even if the bouquet was
// already arranged (unlike its stock).
import type { Tx } from "@bloom/db";

type Queryable = { query: (q: { name?: string; text: string; values?: unknown[] }) => Promise<{ rows: unknown[] }> };

/** Takes one unit of the order's slot, or `{ ok: false }` when the slot is full. */
export async function reserveSlot(sql: Queryable, orderId: string, storeId: string, date: string, slot: string): Promise<{ ok: boolean }> {
  try {
    await sql.query({ name: "slot-reserve", text: "SELECT store_reserve_slot($1::uuid, $2::uuid, $3, $4)", values: [orderId, storeId, date, slot] });
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; hint?: string };
    if (err.code === "P0001" && err.hint === "bloom:slot-full") return { ok: false };
    throw e;
  }
}

/** Gives back the order's unit if it still holds one; returns 1 or 0. */
export async function releaseSlot(sql: Queryable, orderId: string): Promise<number> {
  const { rows } = await sql.query({ name: "slot-release", text: "SELECT store_release_slot($1::uuid) AS n", values: [orderId] });
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** releaseSlot inside a Prisma interactive transaction. */
export async function releaseSlotTx(tx: Tx, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT store_release_slot(${orderId}::uuid) AS n`;
  return rows[0]?.n ?? 0;
}

// The processor's own ledger, in its own PostgreSQL database (it owns it: no Prisma, no
// migrations tool — the tables are created at start when missing). Every decision about a key is
// one atomic statement (INSERT … ON CONFLICT, conditional UPDATE/DELETE) or a transaction holding
// the charge's row lock, so concurrent requests with the same key can never both charge or refund.
import pg from "pg";

export type ChargeStatus = "PROCESSING" | "CAPTURED" | "DECLINED" | "VOIDED" | "REFUNDED";

export type ChargeRow = {
  id: string;
  idempotencyKey: string;
  /** sha256 of the request; null for a void tombstone (a key voided before any charge arrived). */
  fingerprint: string | null;
  amountWon: number;
  status: ChargeStatus;
  declineCode: string | null;
  declineReason: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type RefundRow = { id: string; chargeId: string; idempotencyKey: string; amountWon: number; createdAt: Date };

export type RefundOutcome =
  | { kind: "refunded" | "replayed"; refund: RefundRow }
  | { kind: "missing" }
  | { kind: "already_refunded" }
  | { kind: "not_refundable"; status: ChargeStatus }
  | { kind: "amount_mismatch"; chargeAmountWon: number }
  | { kind: "key_reused" };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS charges (
  id              text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  fingerprint     text,
  amount_won      integer NOT NULL DEFAULT 0,
  status          text NOT NULL CHECK (status IN ('PROCESSING', 'CAPTURED', 'DECLINED', 'VOIDED', 'REFUNDED')),
  decline_code    text,
  decline_reason  text,
  card_brand      text,
  card_last4      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS charges_created_at ON charges (created_at);
CREATE TABLE IF NOT EXISTS refunds (
  id              text PRIMARY KEY,
  charge_id       text NOT NULL UNIQUE REFERENCES charges (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL UNIQUE,
  amount_won      integer NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);`;

const CHARGE_COLUMNS = `id, idempotency_key AS "idempotencyKey", fingerprint, amount_won AS "amountWon", status,
  decline_code AS "declineCode", decline_reason AS "declineReason", card_brand AS "cardBrand", card_last4 AS "cardLast4",
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const REFUND_COLUMNS = `id, charge_id AS "chargeId", idempotency_key AS "idempotencyKey", amount_won AS "amountWon", created_at AS "createdAt"`;

export const newId = (prefix: "ch" | "re") => `${prefix}_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;

export class Ledger {
  constructor(readonly pool: pg.Pool) {}

  /** Creates the tables when missing; an advisory lock keeps two processors starting at once apart. */
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('bloom-processor-schema'))");
      await client.query(SCHEMA);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * Charges left PROCESSING by a processor that died mid-charge never completed: nothing was
   * captured, so their keys are freed (a retry goes through). Run at start by the one processor
   * that owns this database.
   */
  async clearInterrupted(): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>(`DELETE FROM charges WHERE status = 'PROCESSING' RETURNING idempotency_key AS key`);
    return rows.map((r) => r.key);
  }

  /** Claims the key with a PROCESSING row; false when the key already has one (any status). */
  async begin(c: { id: string; key: string; fingerprint: string; amountWon: number; brand: string; last4: string }): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: "charge-begin",
      text: `INSERT INTO charges (id, idempotency_key, fingerprint, amount_won, status, card_brand, card_last4)
             VALUES ($1, $2, $3, $4, 'PROCESSING', $5, $6)
             ON CONFLICT (idempotency_key) DO NOTHING`,
      values: [c.id, c.key, c.fingerprint, c.amountWon, c.brand, c.last4],
    });
    return rowCount === 1;
  }

  async byKey(key: string): Promise<ChargeRow | null> {
    const { rows } = await this.pool.query<ChargeRow>({ name: "charge-by-key", text: `SELECT ${CHARGE_COLUMNS} FROM charges WHERE idempotency_key = $1`, values: [key] });
    return rows[0] ?? null;
  }

  /** The charges of many keys at once (reconciliation checks orders in batches). */
  async byKeys(keys: string[]): Promise<ChargeRow[]> {
    const { rows } = await this.pool.query<ChargeRow>({ name: "charges-by-keys", text: `SELECT ${CHARGE_COLUMNS} FROM charges WHERE idempotency_key = ANY($1::text[])`, values: [keys] });
    return rows;
  }

  async byId(id: string): Promise<ChargeRow | null> {
    const { rows } = await this.pool.query<ChargeRow>({ name: "charge-by-id", text: `SELECT ${CHARGE_COLUMNS} FROM charges WHERE id = $1`, values: [id] });
    return rows[0] ?? null;
  }

  /** A failed attempt charged nothing: its row goes, so the key is free again. Not if voided meanwhile. */
  async deleteProcessing(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({ name: "charge-fail", text: `DELETE FROM charges WHERE id = $1 AND status = 'PROCESSING'`, values: [id] });
    return rowCount === 1;
  }

  /** PROCESSING → DECLINED; null when the row is no longer PROCESSING (voided meanwhile). */
  async decline(id: string, code: string, reason: string): Promise<ChargeRow | null> {
    const { rows } = await this.pool.query<ChargeRow>({
      name: "charge-decline",
      text: `UPDATE charges SET status = 'DECLINED', decline_code = $2, decline_reason = $3, updated_at = now()
             WHERE id = $1 AND status = 'PROCESSING' RETURNING ${CHARGE_COLUMNS}`,
      values: [id, code, reason],
    });
    return rows[0] ?? null;
  }

  /** PROCESSING → CAPTURED; null when the row is no longer PROCESSING (a void won the race). */
  async capture(id: string): Promise<ChargeRow | null> {
    const { rows } = await this.pool.query<ChargeRow>({
      name: "charge-capture",
      text: `UPDATE charges SET status = 'CAPTURED', updated_at = now() WHERE id = $1 AND status = 'PROCESSING' RETURNING ${CHARGE_COLUMNS}`,
      values: [id],
    });
    return rows[0] ?? null;
  }

  /**
   * Voids by key in one statement: PROCESSING or CAPTURED → VOIDED; an unknown key gets a VOIDED
   * tombstone (a charge still on its way can then never capture); other states stay.
   */
  async void(key: string): Promise<{ status: ChargeStatus; tombstone: boolean }> {
    const { rows } = await this.pool.query<{ status: ChargeStatus; tombstone: boolean }>({
      name: "charge-void",
      text: `INSERT INTO charges (id, idempotency_key, fingerprint, amount_won, status) VALUES ($1, $2, NULL, 0, 'VOIDED')
             ON CONFLICT (idempotency_key) DO UPDATE SET
               status = CASE WHEN charges.status IN ('PROCESSING', 'CAPTURED') THEN 'VOIDED' ELSE charges.status END,
               updated_at = CASE WHEN charges.status IN ('PROCESSING', 'CAPTURED') THEN now() ELSE charges.updated_at END
             RETURNING status, (xmax = 0) AS tombstone`,
      values: [newId("ch"), key],
    });
    return rows[0]!;
  }

  /** Full refund of a captured charge, idempotent by key: one transaction holding the charge's row lock. */
  async refund(r: { key: string; chargeId: string; amountWon: number }): Promise<RefundOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const charge = (await client.query<ChargeRow>({ name: "refund-lock", text: `SELECT ${CHARGE_COLUMNS} FROM charges WHERE id = $1 FOR UPDATE`, values: [r.chargeId] })).rows[0];
      if (!charge) {
        await client.query("ROLLBACK");
        return { kind: "missing" };
      }
      // Read under the charge's lock: a concurrent request with the same key has committed by now.
      const prior = await this.refundByKey(r.key, client);
      if (prior) {
        await client.query("ROLLBACK");
        return prior.chargeId === r.chargeId ? { kind: "replayed", refund: prior } : { kind: "key_reused" };
      }
      let refusal: RefundOutcome | null = null;
      if (charge.status === "REFUNDED") refusal = { kind: "already_refunded" };
      else if (charge.status !== "CAPTURED") refusal = { kind: "not_refundable", status: charge.status };
      else if (charge.amountWon !== r.amountWon) refusal = { kind: "amount_mismatch", chargeAmountWon: charge.amountWon };
      if (refusal) {
        await client.query("ROLLBACK");
        return refusal;
      }
      const refund = (
        await client.query<RefundRow>({
          name: "refund-insert",
          text: `INSERT INTO refunds (id, charge_id, idempotency_key, amount_won) VALUES ($1, $2, $3, $4) RETURNING ${REFUND_COLUMNS}`,
          values: [newId("re"), r.chargeId, r.key, r.amountWon],
        })
      ).rows[0]!;
      await client.query({ name: "refund-mark", text: `UPDATE charges SET status = 'REFUNDED', updated_at = now() WHERE id = $1`, values: [r.chargeId] });
      await client.query("COMMIT");
      return { kind: "refunded", refund };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      // The same key used at the same moment for another charge: the unique key decides.
      if ((e as { code?: string }).code === "23505") {
        const prior = await this.refundByKey(r.key);
        if (prior) return prior.chargeId === r.chargeId ? { kind: "replayed", refund: prior } : { kind: "key_reused" };
      }
      throw e;
    } finally {
      client.release();
    }
  }

  async refundByKey(key: string, client: pg.Pool | pg.PoolClient = this.pool): Promise<RefundRow | null> {
    const { rows } = await client.query<RefundRow>({ name: "refund-by-key", text: `SELECT ${REFUND_COLUMNS} FROM refunds WHERE idempotency_key = $1`, values: [key] });
    return rows[0] ?? null;
  }

  async refundsOf(chargeId: string): Promise<RefundRow[]> {
    const { rows } = await this.pool.query<RefundRow>(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE charge_id = $1 ORDER BY created_at`, [chargeId]);
    return rows;
  }

  async list(f: { createdGte?: Date; status?: ChargeStatus; limit: number }): Promise<ChargeRow[]> {
    const { rows } = await this.pool.query<ChargeRow>(
      `SELECT ${CHARGE_COLUMNS} FROM charges
       WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at, id LIMIT $3`,
      [f.createdGte ?? null, f.status ?? null, f.limit],
    );
    return rows;
  }

  /** Test mode: an empty ledger. */
  async reset(): Promise<void> {
    await this.pool.query("TRUNCATE refunds, charges");
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }
}

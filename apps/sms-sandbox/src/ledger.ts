// The SMS sandbox's own ledger: every accepted message, one JSON line each, appended before the
// answer (so an accepted message is never forgotten), read back at start. One key, one message:
// a client retrying with the same Idempotency-Key gets the first message back, not a second one.
import fs from "node:fs";
import path from "node:path";

export type SmsRecord = { id: string; idempotencyKey: string | null; to: string; from: string; text: string; createdAt: string };

export class SmsLedger {
  private readonly messages: SmsRecord[] = [];
  private readonly byKey = new Map<string, SmsRecord>();

  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, "utf8");
    // A line a crash cut short is closed, so the next message starts a line of its own.
    if (text.length > 0 && !text.endsWith("\n")) fs.appendFileSync(file, "\n");
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        this.remember(JSON.parse(line) as SmsRecord);
      } catch {
        // a line cut short by a crash mid-write was never answered: not a message
      }
    }
  }

  private remember(r: SmsRecord) {
    this.messages.push(r);
    if (r.idempotencyKey) this.byKey.set(r.idempotencyKey, r);
  }

  /** Records the message; `replayed` when its key was already used (nothing is sent twice). */
  accept(m: Omit<SmsRecord, "id" | "createdAt">): { record: SmsRecord; replayed: boolean } {
    const prior = m.idempotencyKey ? this.byKey.get(m.idempotencyKey) : undefined;
    if (prior) return { record: prior, replayed: true };
    const record: SmsRecord = { id: `sms_${globalThis.crypto.randomUUID().replaceAll("-", "")}`, createdAt: new Date().toISOString(), ...m };
    fs.appendFileSync(this.file, `${JSON.stringify(record)}\n`);
    this.remember(record);
    return { record, replayed: false };
  }

  /** Newest first; `to` filters by the number as sent. */
  list(opts: { to?: string; limit: number }): SmsRecord[] {
    const all = opts.to ? this.messages.filter((m) => m.to === opts.to) : this.messages;
    return all.slice(-opts.limit).reverse();
  }

  get size() {
    return this.messages.length;
  }
}

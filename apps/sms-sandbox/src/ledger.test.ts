import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SmsLedger } from "./ledger";

const tmpLedger = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sms-ledger-")), "ledger.jsonl");

describe("the SMS sandbox's ledger (X2, X5)", () => {
  it("[X2][X5] one message per idempotency key, across a restart; newest first, filtered by number", () => {
    const file = tmpLedger();
    const a = new SmsLedger(file);
    const first = a.accept({ idempotencyKey: "e1:sms:01011112222", to: "01011112222", from: "Bloom", text: "hello" });
    expect(first.replayed).toBe(false);
    expect(a.accept({ idempotencyKey: "e1:sms:01011112222", to: "01011112222", from: "Bloom", text: "hello" })).toEqual({ record: first.record, replayed: true });
    a.accept({ idempotencyKey: "e2:sms:01033334444", to: "01033334444", from: "Bloom", text: "other" });
    // A restarted sandbox reads its ledger back: the key is still taken, nothing is lost.
    fs.appendFileSync(file, '{"id":"cut short'); // a line a crash left unfinished is not a message
    const b = new SmsLedger(file);
    expect(b.size).toBe(2);
    expect(b.accept({ idempotencyKey: "e1:sms:01011112222", to: "01011112222", from: "Bloom", text: "hello" }).replayed).toBe(true);
    expect(b.list({ to: "01011112222", limit: 10 }).map((m) => m.text)).toEqual(["hello"]);
    expect(b.list({ limit: 10 }).map((m) => m.text)).toEqual(["other", "hello"]);
    b.accept({ idempotencyKey: "e3:sms:01011112222", to: "01011112222", from: "Bloom", text: "after the crash" });
    expect(new SmsLedger(file).list({ limit: 10 }).map((m) => m.text)).toEqual(["after the crash", "other", "hello"]);
  });
});

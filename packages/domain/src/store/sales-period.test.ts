// W7: the sales period: Korean calendar days, both ends included, 30 days by default, 92 at most.
import { describe, expect, it } from "vitest";
import { cancelReasonKey, salesPeriod, salesPeriodProblem, salesQuerySchema } from "./sales-period";

const TODAY = "2026-12-01";

describe("[W7] sales period", () => {
  it("[W7] defaults to the last 30 days, today included; a start alone runs 30 days but not past today", () => {
    const p = salesPeriod({}, TODAY);
    expect(p.ok && [p.period.from, p.period.to, p.period.days.length]).toEqual(["2026-11-02", "2026-12-01", 30]);
    const a = salesPeriod({ from: "2026-10-01" }, TODAY);
    expect(a.ok && [a.period.from, a.period.to]).toEqual(["2026-10-01", "2026-10-30"]);
    const b = salesPeriod({ from: "2026-11-20" }, TODAY);
    expect(b.ok && [b.period.from, b.period.to]).toEqual(["2026-11-20", TODAY]);
    const c = salesPeriod({ to: "2026-03-01" }, TODAY);
    // Across the end of a February: 30 calendar days, each listed once.
    expect(c.ok && [c.period.from, c.period.days[0], c.period.days.at(-1), c.period.days.length]).toEqual(["2026-01-31", "2026-01-31", "2026-03-01", 30]);
  });

  it("[W7] refuses a reversed, a too long or a future period, and impossible dates, with their words", () => {
    const problem = (input: { from?: string; to?: string }) => {
      const parsed = salesQuerySchema.safeParse({ storeId: "10000000-0000-4000-8000-000000000001", ...input });
      if (!parsed.success) return salesPeriodProblem(`${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`);
      const r = salesPeriod(parsed.data, TODAY);
      return r.ok ? null : salesPeriodProblem(r.message);
    };
    expect(problem({ from: "2026-11-05", to: "2026-11-04" })).toBe("order");
    expect(problem({ from: "2026-08-31", to: TODAY })).toBe("tooLong");
    expect(problem({ from: "2026-09-01", to: TODAY })).toBeNull(); // 92 days
    expect(problem({ from: "2026-12-02" })).toBe("future");
    expect(problem({ from: "2026-02-29" })).toBe("notADate");
    expect(problem({ to: "1/12/2026" })).toBe("format");
  });

  it("[W7] cancel reasons group trimmed, space-squeezed and case-folded; blank is no reason", () => {
    expect(cancelReasonKey("  Changed   MY mind ")).toBe("changed my mind");
    expect(cancelReasonKey("   ")).toBeNull();
    expect(cancelReasonKey(null)).toBeNull();
    expect(cancelReasonKey("주소 변경")).toBe("주소 변경");
  });
});

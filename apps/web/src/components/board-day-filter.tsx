"use client";
// W3: which delivery day and slot the board shows. Today is the default and also holds open work
// of earlier days; the next days with open orders and "All days" are one tap away, each with its
// count of open orders (New and Accepted).
import { addDays, TIME_SLOTS } from "@bloom/domain";
import { useTranslations } from "next-intl";
import { SelectField } from "~/components/ui/field";
import { cn } from "~/lib/cn";
import { useFormat } from "~/lib/format";

export type DayCount = { date: string; slot: string; count: number };
/** A day (YYYY-MM-DD) or every day. */
export type DayChoice = string | "all";

const MORE_DAYS = 5;

export function BoardDayFilter({
  today,
  day,
  slot,
  counts,
  onDay,
  onSlot,
}: {
  today: string;
  day: DayChoice;
  slot: string;
  counts: readonly DayCount[] | undefined;
  onDay: (day: DayChoice) => void;
  onSlot: (slot: string) => void;
}) {
  const t = useTranslations("board.filter");
  const f = useFormat();
  const c = counts ?? [];
  const tomorrow = addDays(today, 1);
  const sum = (keep: (x: DayCount) => boolean) => c.filter(keep).reduce((n, x) => n + x.count, 0);
  const overdue = sum((x) => x.date < today);
  const later = [...new Set(c.map((x) => x.date).filter((d) => d > tomorrow))].sort().slice(0, MORE_DAYS);
  const chips: { key: DayChoice; label: string; count: number; note?: string }[] = [
    { key: today, label: t("today"), count: sum((x) => x.date <= today), note: overdue ? t("overdue", { count: overdue }) : undefined },
    { key: tomorrow, label: t("tomorrow"), count: sum((x) => x.date === tomorrow) },
    ...later.map((d) => ({ key: d, label: f.deliveryDate(d), count: sum((x) => x.date === d) })),
    { key: "all", label: t("all"), count: sum(() => true) },
  ];
  const inDay = (x: DayCount) => day === "all" || x.date === day || (day === today && x.date < today);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label={t("days")} className="flex min-w-0 flex-wrap gap-2" data-testid="board-day-filter">
        {chips.map((chip) => {
          const on = chip.key === day;
          return (
            <button
              key={chip.key}
              type="button"
              aria-pressed={on}
              data-day={chip.key}
              onClick={() => onDay(chip.key)}
              className={cn(
                "inline-flex min-h-11 items-center gap-2 rounded-full border px-3.5 text-sm font-bold focus-visible:ring-3 focus-visible:ring-focus focus-visible:outline-none",
                on ? "border-brand-700 bg-brand-700 text-white" : "border-line-strong bg-surface text-ink hover:bg-surface-2",
              )}
            >
              <span>{chip.label}</span>
              <span className={cn("min-w-6 rounded-full px-1.5 text-center tabular-nums", on ? "bg-white/20" : "bg-surface-2")}>
                {chip.count}
                <span className="sr-only">
                  {" "}
                  {t("count", { count: chip.count })}
                  {chip.note ? `, ${chip.note}` : ""}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      <SelectField label={t("slot")} value={slot} onChange={(e) => onSlot(e.target.value)} className="w-full sm:w-64">
        <option value="">{t("allSlots")}</option>
        {TIME_SLOTS.map((s) => (
          <option key={s} value={s}>
            {t("slotOption", { slot: f.slot(s), count: sum((x) => x.slot === s && inDay(x)) })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

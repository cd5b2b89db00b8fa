"use client";
// An amount in won with the viewer's grouping. Prices are whole won end to end (KRW has no minor unit).
// Never broken across lines ("₩29,00 / 0" on a 320 px phone): no wrapping, tabular figures.
import { useFormat } from "~/lib/format";
import { cn } from "~/lib/cn";

export function Money({ won, className }: { won: number; className?: string }) {
  const f = useFormat();
  return <span className={cn("whitespace-nowrap tabular-nums [overflow-wrap:normal]", className)}>{f.won(won)}</span>;
}

"use client";
// An amount in won with the viewer's grouping. Prices are whole won end to end (KRW has no minor unit).
import { useFormat } from "~/lib/format";
import { cn } from "~/lib/cn";

export function Money({ won, className }: { won: number; className?: string }) {
  const f = useFormat();
  return <span className={cn("tabular-nums", className)}>{f.won(won)}</span>;
}

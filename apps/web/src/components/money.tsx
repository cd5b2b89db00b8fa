// An amount in won. Prices are whole won end to end (KRW has no minor unit).
import { formatWon } from "@bloom/domain";

export function Money({ won, className }: { won: number; className?: string }) {
  return <span className={["money", className].filter(Boolean).join(" ")}>{formatWon(won)}</span>;
}

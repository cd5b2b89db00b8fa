// A small busy indicator for buttons; the button's own words say what is happening.
import { cn } from "~/lib/cn";

export function Spinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("inline-block size-4 shrink-0 rounded-full border-2 border-current border-r-transparent motion-safe:animate-spin", className)}
    />
  );
}

// Text inputs, text areas and selects with one look; invalid ones are marked by aria-invalid.
import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";

export const controlClass =
  "w-full min-w-0 rounded-xl border border-line-strong bg-surface px-3.5 py-2.5 text-base text-ink shadow-xs transition-[border-color,box-shadow] placeholder:text-muted/80 hover:border-muted focus-visible:border-focus focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-focus disabled:cursor-not-allowed disabled:bg-surface-2 disabled:opacity-70 aria-invalid:border-danger-700 aria-invalid:ring-1 aria-invalid:ring-danger-700";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClass, "min-h-11", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(controlClass, "min-h-20 resize-y", className)} {...props} />;
}

/** A native select: the phone's own picker is the most usable one there is. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <div className="relative min-w-0">
      <select className={cn(controlClass, "min-h-11 appearance-none pr-10", className)} {...props} />
      <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3.5 size-4 -translate-y-1/2 text-muted" />
    </div>
  );
}

// Placeholders while data loads: the page keeps its shape, and the busy region says what loads.
import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("rounded-2xl bg-surface-2 motion-safe:animate-pulse", className)} {...props} />;
}

/** A busy region with a label for screen readers and skeleton blocks inside. */
export function Loading({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

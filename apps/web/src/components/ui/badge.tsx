// A short label in a tinted pill. Tones come from the one palette; the leading dot repeats the
// tone for a quick scan, and the words always carry the meaning (never colour alone).
import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";

export const badgeVariants = cva("inline-flex items-center gap-1.5 rounded-full font-semibold whitespace-nowrap", {
  variants: {
    tone: {
      neutral: "bg-surface-2 text-ink-soft ring-1 ring-line ring-inset",
      brand: "bg-brand-50 text-brand-800 ring-1 ring-brand-200 ring-inset",
      info: "bg-info-50 text-info-800 ring-1 ring-info-100 ring-inset",
      violet: "bg-violet-50 text-violet-800 ring-1 ring-violet-100 ring-inset",
      warning: "bg-warning-50 text-warning-800 ring-1 ring-warning-100 ring-inset",
      success: "bg-leaf-50 text-leaf-800 ring-1 ring-leaf-100 ring-inset",
      danger: "bg-danger-50 text-danger-800 ring-1 ring-danger-100 ring-inset",
      solid: "bg-brand-600 text-white",
    },
    size: {
      sm: "px-2 py-0.5 text-xs",
      md: "px-2.5 py-0.5 text-sm",
      lg: "px-3.5 py-1 text-base",
    },
    dot: {
      true: "before:size-1.5 before:rounded-full before:bg-current before:content-['']",
      false: "",
    },
  },
  defaultVariants: { tone: "neutral", size: "md", dot: false },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

export function Badge({ className, tone, size, dot, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone, size, dot }), className)} {...props} />;
}

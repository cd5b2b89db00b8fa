"use client";
// A single choice shown as tappable cards (time slots, sizes, reject reasons), on the browser's own
// radio buttons (P1: no radio-group library on the shop page and the checkout): one tab stop for
// the group, arrow keys move between choices, Space picks, and each card's label is its accessible
// name. The whole card is the target.
import { useId, type ReactNode } from "react";
import { cn } from "~/lib/cn";

export type RadioCardOption<T extends string> = { value: T; label: ReactNode; hint?: ReactNode; disabled?: boolean };

export function RadioCards<T extends string>({
  options,
  value,
  onValueChange,
  name,
  className,
  layout = "grid",
  ...aria
}: {
  options: readonly RadioCardOption<T>[];
  value: T | "";
  onValueChange: (value: T) => void;
  name?: string;
  className?: string;
  layout?: "grid" | "list";
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-required"?: boolean;
}) {
  const base = useId();
  return (
    <div role="radiogroup" className={cn(layout === "grid" ? "grid grid-cols-2 gap-2 sm:grid-cols-4" : "grid gap-2", className)} {...aria}>
      {options.map((o) => {
        const id = `${base}-${o.value}`;
        return (
          <div
            key={o.value}
            className={cn(
              "relative flex min-h-12 items-center gap-3 rounded-xl border border-line-strong bg-surface px-3 py-2 transition-colors",
              "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-800 has-[:checked]:ring-1 has-[:checked]:ring-brand-600",
              "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
              "has-[:disabled]:cursor-not-allowed has-[:disabled]:border-dashed has-[:disabled]:bg-transparent has-[:disabled]:text-muted",
              aria["aria-invalid"] && "border-danger-700",
              layout === "grid" && "justify-center text-center",
            )}
          >
            <input
              type="radio"
              id={id}
              name={name ?? base}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onValueChange(o.value)}
              className={cn(
                "peer relative z-10 grid size-5 shrink-0 cursor-pointer appearance-none place-items-center rounded-full border-2 border-line-strong bg-surface outline-none disabled:cursor-not-allowed disabled:opacity-50",
                // The dot of the chosen one.
                "checked:border-brand-600 checked:bg-[radial-gradient(circle,var(--color-brand-600)_0_0.3125rem,transparent_0.3125rem)]",
              )}
            />
            <label
              htmlFor={id}
              // The whole card is the target: the label stretches over it, invisibly (the input sits above it).
              className={cn("cursor-pointer font-semibold tabular-nums peer-disabled:cursor-not-allowed after:absolute after:inset-0 after:rounded-xl after:content-['']", layout === "grid" && "text-sm")}
            >
              {o.label}
              {o.hint && <span className="block text-xs font-normal text-muted">{o.hint}</span>}
            </label>
          </div>
        );
      })}
    </div>
  );
}

"use client";
// A single choice shown as tappable cards (time slots, reject reasons), on Radix RadioGroup:
// arrow keys move between choices, Space picks, and each card's label is its accessible name.
import * as RadioGroupPrimitive from "@radix-ui/react-radio-group";
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
    <RadioGroupPrimitive.Root
      value={value}
      onValueChange={(v) => onValueChange(v as T)}
      name={name}
      className={cn(layout === "grid" ? "grid grid-cols-2 gap-2 sm:grid-cols-4" : "grid gap-2", className)}
      {...aria}
    >
      {options.map((o) => {
        const id = `${base}-${o.value}`;
        return (
          <div
            key={o.value}
            className={cn(
              "relative flex min-h-12 items-center gap-3 rounded-xl border border-line-strong bg-surface px-3 py-2 transition-colors",
              "has-[[data-state=checked]]:border-brand-600 has-[[data-state=checked]]:bg-brand-50 has-[[data-state=checked]]:text-brand-800 has-[[data-state=checked]]:ring-1 has-[[data-state=checked]]:ring-brand-600",
              "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
              "has-[:disabled]:cursor-not-allowed has-[:disabled]:border-dashed has-[:disabled]:bg-transparent has-[:disabled]:text-muted",
              aria["aria-invalid"] && "border-danger-700",
              layout === "grid" && "justify-center text-center",
            )}
          >
            <RadioGroupPrimitive.Item
              id={id}
              value={o.value}
              disabled={o.disabled}
              className={cn(
                "peer grid size-5 shrink-0 place-items-center rounded-full border-2 border-line-strong bg-surface outline-none data-[state=checked]:border-brand-600 disabled:opacity-50",
                // The whole card is the target: the item's box stretches over it, invisibly.
                "after:absolute after:inset-0 after:rounded-xl after:content-['']",
              )}
            >
              <RadioGroupPrimitive.Indicator className="size-2.5 rounded-full bg-brand-600" />
            </RadioGroupPrimitive.Item>
            <label htmlFor={id} className={cn("cursor-pointer font-semibold tabular-nums peer-disabled:cursor-not-allowed", layout === "grid" && "text-sm")}>
              {o.label}
              {o.hint && <span className="block text-xs font-normal text-muted">{o.hint}</span>}
            </label>
          </div>
        );
      })}
    </RadioGroupPrimitive.Root>
  );
}

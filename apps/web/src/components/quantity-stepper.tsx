"use client";
// − [n] + : a number input with buttons, clamped to min..max. Typing is allowed; the value is
// committed as soon as it is a whole number and tidied up on blur. The buttons are 44×44 px touch
// targets (WCAG 2.5.5); the compact size keeps 32 px only for a mouse on a wider screen (sm and a fine pointer).
import { Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { cn } from "~/lib/cn";

export function QuantityStepper({
  value,
  onChange,
  min = 1,
  max,
  label,
  disabled = false,
  size = "md",
}: {
  value: number;
  onChange: (n: number) => void;
  min?: number;
  max: number;
  /** What is being counted, e.g. "Red Rose Classic": read as "Quantity of Red Rose Classic". */
  label: string;
  disabled?: boolean;
  size?: "md" | "sm";
}) {
  const t = useTranslations("quantity");
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const clamp = (n: number) => Math.max(min, Math.min(max, n));
  const commit = (text: string) => {
    const n = Number(text);
    if (text.trim() !== "" && Number.isInteger(n)) onChange(clamp(n));
  };
  const btn = cn(
    "grid shrink-0 place-items-center rounded-full text-ink hover:bg-surface-2 disabled:cursor-not-allowed disabled:text-line-strong disabled:hover:bg-transparent",
    size === "sm" ? "size-11 sm:pointer-fine:size-8" : "size-11",
  );

  return (
    <div role="group" aria-label={t("of", { item: label })} className={cn("inline-flex items-center rounded-full border border-line-strong bg-surface", size === "sm" ? "h-12 px-0.5 sm:pointer-fine:h-9" : "h-12 px-0.5")}>
      <button type="button" className={btn} onClick={() => onChange(clamp(value - 1))} disabled={disabled || value <= min} aria-label={t("fewer", { item: label })}>
        <Minus aria-hidden="true" className="size-4" />
      </button>
      <input
        className={cn("h-full border-0 bg-transparent p-0 text-center font-bold tabular-nums focus-visible:outline-offset-0", size === "sm" ? "w-7 text-sm" : "w-9")}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        disabled={disabled}
        aria-label={t("label")}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => setDraft(String(value))}
      />
      <button type="button" className={btn} onClick={() => onChange(clamp(value + 1))} disabled={disabled || value >= max} aria-label={t("more", { item: label })}>
        <Plus aria-hidden="true" className="size-4" />
      </button>
    </div>
  );
}

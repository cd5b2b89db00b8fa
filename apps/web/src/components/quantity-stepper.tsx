"use client";
// − [n] + : a number input with buttons, clamped to min..max. Typing is allowed; the value is
// committed as soon as it is a whole number and tidied up on blur.
import { useEffect, useState } from "react";

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
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const clamp = (n: number) => Math.max(min, Math.min(max, n));
  const commit = (text: string) => {
    const n = Number(text);
    if (text.trim() !== "" && Number.isInteger(n)) onChange(clamp(n));
  };

  return (
    <div className={`stepper stepper--${size}`} role="group" aria-label={`Quantity of ${label}`}>
      <button
        type="button"
        className="stepper__btn"
        onClick={() => onChange(clamp(value - 1))}
        disabled={disabled || value <= min}
        aria-label={`One fewer ${label}`}
      >
        −
      </button>
      <input
        className="stepper__input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        disabled={disabled}
        aria-label="Quantity"
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => setDraft(String(value))}
      />
      <button
        type="button"
        className="stepper__btn"
        onClick={() => onChange(clamp(value + 1))}
        disabled={disabled || value >= max}
        aria-label={`One more ${label}`}
      >
        +
      </button>
    </div>
  );
}

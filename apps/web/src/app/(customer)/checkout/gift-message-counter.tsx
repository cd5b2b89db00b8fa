"use client";
// The gift message's live counter. The visible count follows every keystroke; screen readers
// hear only when the limit gets close or is passed, not on every character.
import { useTranslations } from "next-intl";
import { cn } from "~/lib/cn";

export function GiftMessageCounter({ length, max }: { length: number; max: number }) {
  const t = useTranslations("checkout.gift");
  const left = max - length;
  const announcement = left < 0 ? t("over") : left === 0 ? t("reached") : left <= 20 ? t("almost") : "";
  return (
    <span className="flex justify-between gap-4">
      <span>
        {t("hint")}
        <span className="sr-only"> {t("limit", { max })}</span>
      </span>
      <span className={cn("tabular-nums", left < 0 && "font-bold text-danger-700")} aria-hidden="true">
        {length}/{max}
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </span>
  );
}

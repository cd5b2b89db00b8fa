"use client";
// The payment part of checkout: card number, expiry and CVC, with the sandbox's test cards.
import { ChevronDown, CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { Field } from "~/components/ui/field";

export type CardForm = { number: string; expiry: string; cvc: string };

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "approves" },
  { number: "4000 0000 0000 0002", outcome: "declined" },
  { number: "4000 0000 0000 9995", outcome: "insufficient" },
  { number: "4000 0000 0000 0119", outcome: "fails" },
] as const;

/** Groups digits in fours as the customer types: "4242424242" → "4242 4242 42". */
export function formatCardNumber(raw: string): string {
  return raw
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** "1230" → "12/30"; the slash is added by us, never required from the customer. */
export function formatExpiry(raw: string): string {
  const d = raw.replace(/\D/g, "").slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
}

export function CardFields({ value, onChange, errors }: { value: CardForm; onChange: (next: Partial<CardForm>) => void; errors: Record<string, string> }) {
  const t = useTranslations("checkout.card");
  return (
    <div className="grid gap-3">
      <div className="relative">
        <Field
          id="card-number"
          label={t("number")}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 5678 9012 3456"
          value={value.number}
          onChange={(e) => onChange({ number: formatCardNumber(e.target.value) })}
          error={errors["card.number"]}
          className="[&_input]:pr-11"
          required
        />
        <CreditCard aria-hidden="true" className="pointer-events-none absolute top-[2.45rem] right-3.5 size-5 text-muted" />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field
          id="card-expiry"
          label={t("expiry")}
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          value={value.expiry}
          onChange={(e) => onChange({ expiry: formatExpiry(e.target.value) })}
          error={errors["card.expiry"]}
          required
        />
        <Field
          id="card-cvc"
          label={t("cvc")}
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          value={value.cvc}
          onChange={(e) => onChange({ cvc: e.target.value.replace(/\D/g, "").slice(0, 4) })}
          error={errors["card.cvc"]}
          required
        />
      </div>
      <details className="group rounded-2xl border border-info-100 bg-info-50 px-4 text-sm text-info-800">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 font-semibold [&::-webkit-details-marker]:hidden">
          {t("testCardsTitle")}
          <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
        </summary>
        <p className="mt-0 mb-2">{t("testCardsBody")}</p>
        <ul className="m-0 mb-3 grid list-none gap-1.5 p-0">
          {TEST_CARDS.map((c) => (
            <li key={c.number} className="flex flex-wrap items-center justify-between gap-x-3">
              <span>
                <code className="font-semibold">{c.number}</code> · {t(`outcome.${c.outcome}`)}
              </span>
              <button
                type="button"
                className="min-h-9 rounded-full px-2 font-semibold text-info-800 underline underline-offset-2 hover:bg-info-100"
                aria-label={t("useCardAria", { number: c.number, outcome: t(`outcome.${c.outcome}`) })}
                onClick={() => onChange({ number: c.number, expiry: value.expiry || "12/30", cvc: value.cvc || "123" })}
              >
                {t("useCard")}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

"use client";
// The payment part of checkout: card number, expiry and CVC, with the sandbox's test cards.
import { Field } from "~/components/field";

export type CardForm = { number: string; expiry: string; cvc: string };

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "approves" },
  { number: "4000 0000 0000 0002", outcome: "is declined" },
  { number: "4000 0000 0000 9995", outcome: "has insufficient funds" },
  { number: "4000 0000 0000 0119", outcome: "fails with a processing error" },
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

export function CardFields({
  value,
  onChange,
  errors,
}: {
  value: CardForm;
  onChange: (next: Partial<CardForm>) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <div className="form-row form-row--card">
        <Field
          id="card-number"
          label="Card number"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 5678 9012 3456"
          value={value.number}
          onChange={(e) => onChange({ number: formatCardNumber(e.target.value) })}
          error={errors["card.number"]}
          required
        />
        <Field
          id="card-expiry"
          label="Expiry (MM/YY)"
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
          label="CVC"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          value={value.cvc}
          onChange={(e) => onChange({ cvc: e.target.value.replace(/\D/g, "").slice(0, 4) })}
          error={errors["card.cvc"]}
          required
        />
      </div>
      <div id="test-cards" className="alert alert--info small">
        <p className="alert__title">Sandbox test cards</p>
        <p style={{ margin: 0 }}>No real money moves. Use any future expiry and any 3-digit CVC.</p>
        <ul className="test-cards">
          {TEST_CARDS.map((c) => (
            <li key={c.number}>
              <code>{c.number}</code> {c.outcome}
              <button
                type="button"
                className="link-button"
                aria-label={`Use test card ${c.number}, which ${c.outcome}`}
                onClick={() =>
                  onChange({
                    number: c.number,
                    expiry: value.expiry || "12/30",
                    cvc: value.cvc || "123",
                  })
                }
              >
                Use
              </button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

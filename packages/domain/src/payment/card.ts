// Card input. Only brand and last four digits ever leave the charge call; nothing else is stored.
import { z } from "zod";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return "VISA";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "MASTERCARD";
  if (/^3[47]/.test(digits)) return "AMEX";
  if (/^9/.test(digits)) return "LOCAL";
  return "CARD";
}

export const cardSchema = z
  .object({
    number: z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{12,19}$/, "Enter the card number").refine(luhnValid, "This card number is not valid")),
    expiry: z.string().trim().regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "Enter the expiry as MM/YY"),
    cvc: z.string().trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code"),
  })
  .superRefine((c, ctx) => {
    const m = /^(\d{2})\/(\d{2})$/.exec(c.expiry);
    if (!m) return;
    const now = new Date();
    const year = 2000 + Number(m[2]);
    const month = Number(m[1]);
    if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
      ctx.addIssue({ code: "custom", path: ["expiry"], message: "This card has expired" });
    }
  });
export type CardInput = z.infer<typeof cardSchema>;

export function cardSummary(card: CardInput) {
  return { brand: cardBrand(card.number), last4: card.number.slice(-4) };
}

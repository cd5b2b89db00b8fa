// The sender's email templates (X1): every kind in both languages, no placeholder left, every
// price of the receipt present in both the HTML and the text, values escaped.
import { EMAIL_KINDS, formatWon, type EmailKind } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import type { SenderEmailPayload } from "../sender-email";
import { formatSlot, renderSenderEmail } from "./render";

const base: SenderEmailPayload = {
  orderId: "6c1d7d1e-3f7b-4c55-9d0e-1b7f6f0c2a11",
  occurredAt: "2026-12-01T10:00:00.000Z",
  customerName: "Jiwoo Park",
  storeName: "Seoul Forest Florist",
  totalWon: 62500,
  deliveryFeeWon: 3500,
  recipientName: "Soyeon Yoon",
  address: "88 Eulji-ro, Jung-gu, Seoul",
  deliveryDate: "2026-12-03",
  timeSlot: "09-12",
  giftMessage: "Happy birthday!",
  cardBrand: "Visa",
  cardLast4: "4242",
  lines: [
    { name: "Rose Bouquet", quantity: 2, unitPriceWon: 22000 },
    { name: "Tulip Basket", quantity: 1, unitPriceWon: 15000 },
  ],
  step: {},
};
const STEPS: Record<EmailKind, Record<string, unknown>> = {
  receipt: { note: null },
  accepted: {},
  arrangement_photo: { photoKey: "o/1.jpg", substitutions: "peony → garden rose", dueAt: "2026-12-03T03:30:00.000Z", round: 1 },
  out_for_delivery: { riderName: "Minho Kang" },
  delivered: { leftWith: null, proofNote: "By the door", photoKey: "d/1.jpg" },
  attempted: { reason: "NOBODY_HOME", note: "Rang twice", attempt: 1 },
  rescheduled: { deliveryDate: "2026-12-05", timeSlot: "15-18", feeWon: 4000 },
  rejected: { reason: "OUT_OF_FLOWERS", detail: null },
  cancelled: { reason: null },
  undeliverable: { reason: null },
  refunded: { amountWon: 62500, cause: "CANCELLED" },
};
const APP = { appUrl: "https://bloom.example" };
const HANGUL = /[\uac00-\ud7a3]/;

describe("sender email templates (X1)", () => {
  for (const locale of ["ko", "en"] as const) {
    for (const kind of EMAIL_KINDS) {
      it(`[X1] ${kind} in ${locale}: complete, every price present, in its language`, async () => {
        const m = await renderSenderEmail(kind, locale, { ...base, step: STEPS[kind] }, APP);
        for (const part of [m.subject, m.html, m.text]) expect(part).not.toMatch(/\{\w+\}/);
        expect(m.subject.length).toBeGreaterThan(5);
        expect(m.html).toContain(`lang="${locale}"`);
        for (const won of [44000, 15000, 3500, 62500]) {
          const price = formatWon(won, locale);
          expect(m.text, `${price} in text`).toContain(price);
          expect(m.html, `${price} in html`).toContain(price);
        }
        expect(m.text).toContain(`https://bloom.example/orders/${base.orderId}`);
        expect(m.html).toContain("https://bloom.example/mypage/notifications");
        expect(m.text).toContain("Happy birthday!");
        if (locale === "ko") expect(m.subject + m.text).toMatch(HANGUL);
        else expect(m.subject + m.text).not.toMatch(HANGUL);
      });
    }
  }

  it("[X1] step facts: rider, reasons, the new slot, the refund, the photo by cid", async () => {
    const out = await renderSenderEmail("out_for_delivery", "en", { ...base, step: STEPS.out_for_delivery }, APP);
    expect(out.text).toContain("Minho Kang");
    expect((await renderSenderEmail("attempted", "ko", { ...base, step: STEPS.attempted }, APP)).text).toContain("부재중");
    const moved = await renderSenderEmail("rescheduled", "en", { ...base, step: STEPS.rescheduled }, APP);
    expect(moved.subject).toBe("New delivery time: Sat, Dec 5, 15:00–18:00");
    expect(moved.text).toContain(formatWon(4000, "en"));
    expect((await renderSenderEmail("rejected", "en", { ...base, step: STEPS.rejected }, APP)).text).toContain("out of flowers");
    expect((await renderSenderEmail("cancelled", "ko", { ...base, step: {} }, APP)).text).toContain("Visa 카드(끝자리 4242)(으)로 ₩62,500이(가) 환불됩니다.");
    const withPhoto = await renderSenderEmail("delivered", "en", { ...base, step: STEPS.delivered }, { ...APP, photoCid: "proof-photo@bloom" });
    expect(withPhoto.html).toContain('src="cid:proof-photo@bloom"');
    expect(withPhoto.html).toContain('alt="Photo of the bouquet at the door"');
    const noPhoto = await renderSenderEmail("delivered", "en", { ...base, step: STEPS.delivered }, APP);
    expect(noPhoto.html).not.toContain("cid:");
    expect(noPhoto.text).toContain("see it on your order page");
  });

  it("[W1] the arrangement photo's email: the photo by cid, the substitutions, and until when to answer (Seoul time)", async () => {
    const en = await renderSenderEmail("arrangement_photo", "en", { ...base, step: STEPS.arrangement_photo }, { ...APP, photoCid: "proof-photo@bloom" });
    expect(en.html).toContain('src="cid:proof-photo@bloom"');
    expect(en.html).toContain('alt="Photo of your arranged bouquet"');
    expect(en.text).toContain("Substitutions: peony → garden rose");
    expect(en.text).toContain("12:30");
    const ko = await renderSenderEmail("arrangement_photo", "ko", { ...base, step: STEPS.arrangement_photo }, APP);
    expect(ko.text).toContain("대체한 꽃: peony → garden rose");
    expect(ko.text).toMatch(/12월 3일.*12:30/);
  });

  it("[X1] values from the order are escaped in the HTML", async () => {
    const m = await renderSenderEmail(
      "receipt",
      "en",
      {
        ...base,
        storeName: `<script>alert(1)</script> & "Co"`,
        giftMessage: "<b>hi</b>",
      },
      APP,
    );
    expect(m.html).not.toContain("<script>alert(1)");
    expect(m.html).not.toContain("<b>hi</b>");
    expect(m.html).toContain("&lt;script&gt;");
  });

  it("[X1] dates and slots per language", () => {
    expect(formatSlot("2026-12-03", "09-12", "ko")).toBe("12월 3일 (목) 09:00–12:00");
    expect(formatSlot("2026-12-03", "18-21", "en")).toBe("Thu, Dec 3, 18:00–21:00");
  });
});

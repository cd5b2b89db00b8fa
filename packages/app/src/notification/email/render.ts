// The sender's email for one kind, in one language: HTML from an MJML template (mjml 5) and the
// same words as plain text. Every value from the order is escaped; every price goes through the
// domain's formatWon in the email's language.
import { formatWon, type EmailKind, type MessageLanguage } from "@bloom/domain";
import mjml2html from "mjml";
import type { SenderEmailPayload } from "../sender-email";
import { EMAIL_COPY, type EmailCopy } from "./copy";

export type RenderedEmail = { subject: string; html: string; text: string };
export type RenderOptions = {
  /** The web app's public address, for the order page and the settings links. */
  appUrl: string;
  /** Content-ID of the proof photo attached to this email, when there is one. */
  photoCid?: string | null;
};

export const MESSAGE_SETTINGS_PATH = "/mypage/notifications";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

const DATE_FORMAT = {
  ko: new Intl.DateTimeFormat("ko-KR", {
    month: "long",
    day: "numeric",
    weekday: "short",
    timeZone: "UTC",
  }),
  en: new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    weekday: "short",
    timeZone: "UTC",
  }),
};

/** "2026-12-03" + "09-12" → "12월 3일 (목) 09:00–12:00" / "Thu, Dec 3, 09:00–12:00". */
export function formatSlot(date: string, slot: string, locale: MessageLanguage): string {
  const [y, m, d] = date.split("-").map(Number);
  const day = y && m && d ? DATE_FORMAT[locale].format(new Date(Date.UTC(y, m - 1, d, 12))) : date;
  const [from, to] = slot.split("-");
  const hours = from && to ? `${from}:00–${to}:00` : slot;
  return locale === "ko" ? `${day} ${hours}` : `${day}, ${hours}`;
}

// W1: the time by which the sender answers the bouquet's photo, in the shops' time zone.
const TIME_FORMAT = {
  ko: new Intl.DateTimeFormat("ko-KR", { timeZone: "Asia/Seoul", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Seoul", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" }),
} as const;

type Step = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function slotOf(kind: EmailKind, p: SenderEmailPayload, locale: MessageLanguage) {
  const s = p.step as Step;
  // A reschedule moves the delivery: its email (and its summary) shows the new date and slot.
  if (kind === "rescheduled" && str(s.deliveryDate) && str(s.timeSlot)) return formatSlot(s.deliveryDate as string, s.timeSlot as string, locale);
  return formatSlot(p.deliveryDate, p.timeSlot, locale);
}

function reasonOf(kind: EmailKind, step: Step, c: EmailCopy): string {
  if (kind === "rejected") {
    const r = str(step.reason) as keyof EmailCopy["rejectReasons"] | null;
    return str(step.detail) ?? (r ? (c.rejectReasons[r] ?? r) : c.rejectReasons.OTHER);
  }
  if (kind === "attempted") {
    const r = str(step.reason) as keyof EmailCopy["attemptReasons"] | null;
    return r ? (c.attemptReasons[r] ?? r) : c.attemptReasons.OTHER;
  }
  return str(step.reason) ?? "";
}

/** The lines a kind adds under its lead (plain text; escaped for HTML by the caller). */
function extraLines(kind: EmailKind, p: SenderEmailPayload, c: EmailCopy, locale: MessageLanguage, card: string, hasPhoto: boolean): string[] {
  const s = p.step as Step;
  const out: string[] = [];
  if (kind === "delivered") {
    if (str(s.leftWith)) out.push(fill(c.leftWith, { name: s.leftWith as string }));
    if (str(s.proofNote)) out.push(fill(c.proofNote, { note: s.proofNote as string }));
    if (str(s.photoKey) && !hasPhoto) out.push(c.photoMissing);
  }
  if (kind === "arrangement_photo") {
    if (str(s.substitutions)) out.push(fill(c.substitutions, { text: s.substitutions as string }));
    if (str(s.dueAt)) out.push(fill(c.answerBy, { time: TIME_FORMAT[locale].format(new Date(s.dueAt as string)) }));
  }
  if (kind === "attempted" && str(s.note)) out.push(fill(c.proofNote, { note: s.note as string }));
  if (kind === "rescheduled" && (num(s.feeWon) ?? 0) > 0) out.push(fill(c.redeliveryFee, { fee: formatWon(num(s.feeWon)!, locale) }));
  if (kind === "cancelled" && str(s.reason)) out.push(s.reason as string);
  if (kind === "undeliverable" && str(s.reason)) out.push(s.reason as string);
  if (kind === "rejected" || kind === "cancelled" || kind === "undeliverable") out.push(fill(c.refundLine, { amount: formatWon(p.totalWon, locale), card }));
  return out;
}

export async function renderSenderEmail(kind: EmailKind, locale: MessageLanguage, p: SenderEmailPayload, opts: RenderOptions): Promise<RenderedEmail> {
  const c = EMAIL_COPY[locale];
  const money = (won: number) => formatWon(won, locale);
  const step = p.step as Step;
  const card = fill(c.card, { brand: p.cardBrand, last4: p.cardLast4 });
  const slot = slotOf(kind, p, locale);
  const values: Record<string, string> = {
    store: p.storeName,
    recipient: p.recipientName,
    slot,
    rider: str(step.riderName) ?? "",
    reason: reasonOf(kind, step, c),
    amount: money(num(step.amountWon) ?? p.totalWon),
    card,
  };
  const k = c.kinds[kind];
  const subject = fill(k.subject, values);
  const heading = fill(k.heading, values);
  const lead = fill(k.lead, values);
  const extra = extraLines(kind, p, c, locale, card, Boolean(opts.photoCid));
  const orderUrl = `${opts.appUrl.replace(/\/$/, "")}/orders/${p.orderId}`;
  const settingsUrl = `${opts.appUrl.replace(/\/$/, "")}${MESSAGE_SETTINGS_PATH}`;
  const itemsSubtotal = p.lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0);
  const summary: [string, string][] = [
    [c.store, p.storeName],
    [c.recipient, p.recipientName],
    [c.address, p.address],
    [c.slot, slot],
  ];
  const lineRows = p.lines.map((l) => [`${l.name} × ${l.quantity}`, money(l.unitPriceWon * l.quantity)] as [string, string]);
  // Whatever is not a bouquet line in the total is the delivery fee (D1: total = lines + fee).
  const fee = p.deliveryFeeWon ?? Math.max(0, p.totalWon - itemsSubtotal);
  const totals: [string, string][] = [
    [c.deliveryFee, money(fee)],
    [c.total, money(p.totalWon)],
    [c.paidWith, card],
  ];

  const text = [
    heading,
    "",
    lead,
    ...extra,
    "",
    `${c.summary}`,
    ...summary.map(([a, b]) => `${a}: ${b}`),
    `${c.items}:`,
    ...lineRows.map(([a, b]) => `  ${a}  ${b}`),
    ...totals.map(([a, b]) => `${a}: ${b}`),
    ...(p.giftMessage ? [`${c.giftMessage}: “${p.giftMessage}”`] : []),
    "",
    `${c.viewOrder}: ${orderUrl}`,
    `${c.settings}: ${settingsUrl}`,
    "",
    c.why,
  ].join("\n");

  const row = ([a, b]: [string, string], strong = false) =>
    `<tr><td style="padding:4px 0;color:#6b6460">${esc(a)}</td><td style="padding:4px 0;text-align:right;${strong ? "font-weight:700;" : ""}">${esc(b)}</td></tr>`;
  const mjml = `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${esc(subject)}</mj-title>
    <mj-preview>${esc(lead)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="'Pretendard', 'Apple SD Gothic Neo', 'Malgun Gothic', Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.6" color="#2b2421" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f7f3ef">
    <mj-section padding="20px 0 8px"><mj-column>
      <mj-text font-size="20px" font-weight="700" color="#a3214f">Bloom</mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="20px 8px" border-radius="12px"><mj-column>
      <mj-text font-size="22px" font-weight="700">${esc(heading)}</mj-text>
      <mj-text>${esc(lead)}</mj-text>
      ${extra.map((l) => `<mj-text padding-top="0">${esc(l)}</mj-text>`).join("\n      ")}
      ${opts.photoCid ? `<mj-image src="cid:${esc(opts.photoCid)}" alt="${esc(kind === "arrangement_photo" ? c.arrangementPhotoAlt : c.photoAlt)}" border-radius="8px" width="480px" />` : ""}
      <mj-button href="${esc(orderUrl)}" background-color="#a3214f" color="#ffffff" border-radius="8px" font-weight="700">${esc(c.viewOrder)}</mj-button>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="8px 8px 20px" border-radius="12px"><mj-column>
      <mj-text font-size="17px" font-weight="700">${esc(c.summary)}</mj-text>
      <mj-table>
        ${summary.map((r) => row(r)).join("")}
      </mj-table>
      <mj-divider border-color="#eee5dd" border-width="1px" />
      <mj-table>
        <tr><td colspan="2" style="padding:4px 0;font-weight:700">${esc(c.items)}</td></tr>
        ${lineRows.map((r) => row(r)).join("")}
        ${totals.map((r, i) => row(r, i === 1)).join("")}
      </mj-table>
      ${p.giftMessage ? `<mj-text><strong>${esc(c.giftMessage)}</strong><br />“${esc(p.giftMessage)}”</mj-text>` : ""}
    </mj-column></mj-section>
    <mj-section padding="12px 0 24px"><mj-column>
      <mj-text font-size="12px" color="#6b6460">${esc(c.why)} <a href="${esc(settingsUrl)}" style="color:#a3214f">${esc(c.settings)}</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
  const out = await mjml2html(mjml, { validationLevel: "strict" });
  if (out.errors.length) throw new Error(`email template ${kind}/${locale}: ${out.errors.map((e) => e.formattedMessage).join("; ")}`);
  return { subject, html: out.html, text };
}

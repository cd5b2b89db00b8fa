// W2: printable tickets, one page per order, rendered on the server (no client JS but the Print
// button). Each page holds a designer sheet (items, add-ons, the customer's note, the slot), the
// card message on its own part to cut out, and a driver slip (recipient, address, phone, slot,
// order number and its QR code). Two layouts through print CSS: A4, and an 80 mm thermal roll.
// Same authorisation as the board: the (store) layout lets owners and admins in; the use case
// shows an owner their own shops' orders only — anything else is "not found".
import { ticketsFor } from "@bloom/app";
import { orderNumberLabel, ticketQueryOf, type TicketLayout, type TicketQuery } from "@bloom/domain";
import { localizedName } from "@bloom/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { boardAddons, boardLines } from "~/components/board-labels";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/cn";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";
import { PrintButton } from "./print-button";
import { orderQrSvg } from "./ticket-qr";

type Params = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tickets");
  return { title: t("title") };
}

// The page's own print rules: only while this page is shown (an inline style leaves with it).
const PRINT_CSS: Record<TicketLayout, string> = {
  a4: "@page { size: A4; margin: 10mm; }",
  thermal: "@page { size: 80mm auto; margin: 3mm; }",
};
const COMMON_CSS = `
@media print {
  body > a[href="#main"], body header, [data-tickets-toolbar], [data-tickets-hint] { display: none !important; }
  html, body { background: #fff !important; }
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; width: auto !important; }
  [data-tickets] { gap: 0 !important; padding: 0 !important; background: none !important; }
  [data-ticket] { box-shadow: none !important; border: 0 !important; margin: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; break-after: page; page-break-after: always; }
  [data-ticket]:last-child { break-after: auto; page-break-after: auto; }
  [data-ticket-part] { break-inside: avoid; page-break-inside: avoid; }
  [data-layout="thermal"] [data-ticket] * { color: #000 !important; background: #fff !important; border-color: #000 !important; }
}`;

function hrefWith(query: TicketQuery, layout: TicketLayout): string {
  const p = new URLSearchParams();
  if (query.orders) p.set("orders", query.orders.join(","));
  if (query.store) p.set("store", query.store);
  if (query.date) p.set("date", query.date);
  if (query.slot) p.set("slot", query.slot);
  p.set("layout", layout);
  return `/board/tickets?${p.toString()}`;
}

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const [params, session, t, format, locale] = await Promise.all([searchParams, getSession(), getTranslations("tickets"), getFormatter(), getLocale()]);
  if (!session?.user) redirect("/signin?callbackUrl=%2Fboard");

  const parsed = ticketQueryOf(params);
  if (!parsed.success) {
    return (
      <div className="mx-auto grid max-w-2xl gap-4">
        <h1 className="m-0 text-2xl font-extrabold">{t("title")}</h1>
        <Alert title={t("badRequest")}>
          <p>{t("badRequestHint")}</p>
          <ul className="m-0 pl-5" data-testid="tickets-errors">
            {parsed.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
        <p className="m-0">
          <Link href="/board">{t("back")}</Link>
        </p>
      </div>
    );
  }
  const query = parsed.query;
  const result = await ticketsFor(services().db, session.user, query);
  if (!result.ok) notFound();

  const layout = query.layout;
  const thermal = layout === "thermal";
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
  const slot = (s: string) => {
    const [from, to] = s.split("-").map(Number);
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) return s;
    const h = (n: number) => new Date(Date.UTC(2000, 0, 1, n));
    return format.dateTimeRange(h(from), h(to), { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
  };
  const tickets = await Promise.all(
    result.orders.map(async (o) => {
      const no = orderNumberLabel(o.orderId);
      return { o, no, qr: await orderQrSvg(no.slice(1)), lines: boardLines(o.lines), addons: boardAddons(o.addons), when: `${day(o.deliveryDate)} · ${slot(o.timeSlot)}` };
    }),
  );
  const shopName = (s: { name: string; nameKo: string }) => localizedName(locale, s);
  // W4: the size of a line (standard is not named) and add-ons in the UI language.
  const ts = await getTranslations("sizes");
  const sizeName = (tier: string | undefined) => (tier === "DELUXE" ? ts("DELUXE") : tier === "PREMIUM" ? ts("PREMIUM") : null);
  const title = query.date ? t("titleDay", { date: day(query.date) }) : t("title");

  return (
    <div data-layout={layout} className="grid gap-4">
      <style>{PRINT_CSS[layout] + COMMON_CSS}</style>
      <div data-tickets-toolbar className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid gap-0.5">
          <h1 className="m-0 text-2xl font-extrabold">{title}</h1>
          <p className="m-0 text-sm text-muted" data-testid="tickets-count">
            {t("count", { count: tickets.length })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t("layout")} className="inline-flex rounded-full border border-line-strong bg-surface p-1">
            {(["a4", "thermal"] as const).map((l) => (
              <Link
                key={l}
                href={hrefWith(query, l)}
                aria-current={l === layout ? "page" : undefined}
                data-testid={`tickets-layout-${l}`}
                className={cn(
                  "inline-flex min-h-9 items-center rounded-full px-3.5 text-sm font-semibold no-underline",
                  l === layout ? "bg-ink text-white hover:text-white" : "text-ink hover:bg-surface-2 hover:text-ink",
                )}
              >
                {t(l)}
              </Link>
            ))}
          </nav>
          <PrintButton label={t("print")} />
          <Button asChild variant="secondary">
            <Link href="/board">{t("back")}</Link>
          </Button>
        </div>
      </div>
      <p data-tickets-hint className="m-0 text-sm text-muted">
        {t("previewHint")}
      </p>

      {tickets.length === 0 ? (
        <Alert tone="info">{t("empty")}</Alert>
      ) : (
        <div data-tickets className={cn("grid justify-center gap-6 overflow-x-auto rounded-3xl bg-surface-3 p-4", thermal && "p-3")}>
          {tickets.map(({ o, no, qr, lines, addons, when }) => (
            <article
              key={o.orderId}
              data-ticket
              data-testid="ticket"
              data-order-id={o.orderId}
              aria-label={t("orderNo", { no })}
              className={cn(
                "grid content-start bg-white text-black shadow-card",
                thermal ? "w-[80mm] gap-3 p-[3mm] text-[16px] leading-snug" : "min-h-[277mm] w-[210mm] gap-5 p-[10mm] text-[14px]",
              )}
            >
              {/* Designer sheet */}
              <section data-ticket-part aria-label={t("designerSheet")} className="grid gap-2">
                <div className={cn("flex items-baseline justify-between gap-2 border-b-2 border-black pb-1", thermal && "flex-col items-start gap-0")}>
                  <h2 className={cn("m-0 font-extrabold tabular-nums", thermal ? "text-2xl" : "text-3xl")} data-testid="ticket-number">
                    {no}
                  </h2>
                  <p className="m-0 font-bold">{t("designerSheet")} · {shopName(o.shop)}</p>
                </div>
                <p className={cn("m-0 font-extrabold", thermal ? "text-lg" : "text-xl")}>
                  {t("deliver")}: {when}
                </p>
                <table className="w-full border-collapse">
                  <caption className="sr-only">{t("items")}</caption>
                  <thead>
                    <tr className="border-b border-black text-left">
                      <th scope="col" className="py-1 font-bold">{t("items")}</th>
                      <th scope="col" className="w-16 py-1 text-right font-bold">{t("quantity")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l, i) => (
                      <tr key={`${l.bouquetId}-${i}`} className="border-b border-black/30">
                        <td className="py-1.5 font-semibold">
                          {localizedName(locale, l)}
                          {sizeName(l.tier) && (
                            <strong className="ml-2 rounded border-2 border-black px-1 text-sm font-extrabold uppercase" data-testid="ticket-size">
                              {sizeName(l.tier)}
                            </strong>
                          )}
                        </td>
                        <td className="py-1.5 text-right text-lg font-extrabold tabular-nums">×{l.quantity}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {/* W4: the add-ons to pack with the bouquet. */}
                {addons.length === 0 ? (
                  <p className="m-0" data-testid="ticket-addons">
                    <span className="font-bold">{t("addOns")}:</span> {t("noAddOns")}
                  </p>
                ) : (
                  <div data-testid="ticket-addons">
                    <p className="m-0 font-bold">{t("addOns")}:</p>
                    <ul className="m-0 grid list-none gap-0.5 p-0">
                      {addons.map((a) => (
                        <li key={a.addonId} className="flex items-baseline justify-between gap-3 border-b border-black/30 py-1">
                          <span className="font-semibold">☐ {shopName(a)}</span>
                          <span className="text-lg font-extrabold tabular-nums">×{a.quantity}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <p className={cn("m-0 rounded border border-black p-2", !o.note && "text-black/70")} data-testid="ticket-note">
                  <span className="font-bold">{t("note")}:</span> {o.note || t("noNote")}
                </p>
              </section>

              {/* Card message, on its own part to cut out */}
              <section data-ticket-part aria-label={t("cardMessage")} className="grid gap-1">
                <p className="m-0 border-t-2 border-dashed border-black pt-1 text-xs font-semibold" aria-hidden="true">
                  ✂ {t("cutHere")}
                </p>
                <h3 className="m-0 text-sm font-bold">{t("cardMessage")}</h3>
                <p
                  data-testid="ticket-card-message"
                  className={cn(
                    "m-0 flex items-center justify-center text-center font-semibold break-words whitespace-pre-wrap",
                    thermal ? "min-h-[30mm] px-1 py-3 text-2xl leading-snug" : "min-h-[70mm] border border-black px-[10mm] py-[8mm] text-[28px] leading-snug",
                  )}
                >
                  {o.giftMessage || <span className="text-base font-normal">{t("noCardMessage")}</span>}
                </p>
              </section>

              {/* Driver slip */}
              <section data-ticket-part aria-label={t("driverSlip")} className="grid gap-2">
                <p className="m-0 border-t-2 border-dashed border-black pt-1 text-xs font-semibold" aria-hidden="true">
                  ✂ {t("cutHere")}
                </p>
                <div className={cn("grid gap-3", thermal ? "grid-cols-1" : "grid-cols-[1fr_auto] items-start")}>
                  <div className="grid gap-1">
                    <h3 className="m-0 text-sm font-bold">
                      {t("driverSlip")} · <span className="tabular-nums">{no}</span>
                    </h3>
                    <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                      <dt className="font-bold">{t("recipient")}</dt>
                      <dd className="m-0 text-lg font-extrabold" data-testid="ticket-recipient">{o.recipientName}</dd>
                      <dt className="font-bold">{t("address")}</dt>
                      <dd className="m-0 font-semibold">{o.address}</dd>
                      <dt className="font-bold">{t("phone")}</dt>
                      <dd className="m-0 font-semibold tabular-nums">{o.recipientPhone}</dd>
                      <dt className="font-bold">{t("slot")}</dt>
                      <dd className="m-0 font-semibold">{when}</dd>
                      <dt className="font-bold">{t("shop")}</dt>
                      <dd className="m-0">
                        {shopName(o.shop)} · <span className="tabular-nums">{o.shop.phone}</span>
                      </dd>
                    </dl>
                  </div>
                  <div
                    role="img"
                    aria-label={t("qr", { no })}
                    data-testid="ticket-qr"
                    className={cn("[&_svg]:block [&_svg]:h-full [&_svg]:w-full", thermal ? "mx-auto size-[40mm]" : "size-[35mm]")}
                    // The SVG is drawn by `qrcode` from the order number alone: no user text reaches it.
                    dangerouslySetInnerHTML={{ __html: qr }}
                  />
                </div>
              </section>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}

// The recipient's tracking page (X2): no account, phone-size first. The token is checked and the
// view read on the server, so a wrong or altered token answers 404 and the first paint has the
// status; the client then follows live changes. The view carries no price and, when the sender
// chose anonymous, no sender: neither can reach this HTML or the JSON it fetches.
import { trackOrder, verifyTrackingToken } from "@bloom/app";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { env } from "~/env";
import { services } from "~/server/services";
import { TrackingDetail } from "./tracking-detail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tracking");
  // A private link: not for search engines, and never sent on as a referrer.
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function TrackingPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const orderId = verifyTrackingToken(token, env.TRACKING_LINK_SECRET);
  if (!orderId) notFound();
  const view = await trackOrder(services().db, orderId);
  if (!view) notFound();
  return <TrackingDetail token={token} initial={view} />;
}

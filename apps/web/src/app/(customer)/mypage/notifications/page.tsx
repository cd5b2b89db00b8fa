import { isReceiptKind, SENT_EMAIL_KINDS } from "@bloom/domain";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSettings } from "./email-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("messageSettings");
  return { title: t("title") };
}

// The kinds come from the domain (X1) and are handed to the client as data, so the screen never
// keeps a list of its own and its bundle carries none of the domain's schemas.
export default function EmailSettingsPage() {
  return <EmailSettings kinds={SENT_EMAIL_KINDS.map((kind) => ({ kind, receipt: isReceiptKind(kind) }))} />;
}

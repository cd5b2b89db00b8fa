// A customer's message settings (X1), in the notification context's own table: the language the
// emails are written in and the kinds turned off. The language is recorded from the web app's
// locale when the customer places an order or switches language, so the emails follow the UI the
// customer uses; until then Korean (the default of the UI, for shops and customers in Korea).
import { sqlOf, type Db } from "@bloom/db";
import {
  emailPreferencesSchema,
  messageLocaleSchema,
  OPTIONAL_EMAIL_KINDS,
  refuse,
  type MessageLanguage,
  type OptionalEmailKind,
  type Result,
} from "@bloom/domain";

export type EmailPreferences = {
  locale: MessageLanguage;
  optedOut: OptionalEmailKind[];
  kinds: readonly OptionalEmailKind[];
};

export async function emailPreferencesOf(db: Db, customerId: string): Promise<EmailPreferences> {
  const { rows } = await sqlOf(db).query<{
    locale: string;
    optedOut: string[];
  }>({
    name: "notify-prefs-get",
    text: `SELECT locale, opted_out AS "optedOut" FROM notify_preferences WHERE customer_id = $1`,
    values: [customerId],
  });
  const r = rows[0];
  return {
    locale: r?.locale === "en" ? "en" : "ko",
    optedOut: OPTIONAL_EMAIL_KINDS.filter((k) => r?.optedOut?.includes(k)),
    kinds: OPTIONAL_EMAIL_KINDS,
  };
}

/** Replaces the kinds turned off; receipts are refused by the schema (they always go). */
export async function setEmailPreferences(db: Db, customerId: string, input: unknown): Promise<Result<{ preferences: EmailPreferences }>> {
  const parsed = emailPreferencesSchema.safeParse(input);
  if (!parsed.success) return refuse("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid settings");
  await sqlOf(db).query({
    name: "notify-prefs-set",
    text: `INSERT INTO notify_preferences (customer_id, opted_out, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (customer_id) DO UPDATE SET opted_out = EXCLUDED.opted_out, updated_at = now()`,
    values: [customerId, parsed.data.optedOut],
  });
  return { ok: true, preferences: await emailPreferencesOf(db, customerId) };
}

/**
 * Records the language of the customer's UI. One statement that writes only when the language
 * changed, so calling it before every order costs a primary-key probe.
 */
export async function rememberMessageLocale(db: Db, customerId: string, locale: unknown): Promise<Result<{ locale: MessageLanguage }>> {
  const parsed = messageLocaleSchema.safeParse({ locale });
  if (!parsed.success) return refuse("VALIDATION", "Unknown language");
  await sqlOf(db).query({
    name: "notify-prefs-locale",
    text: `INSERT INTO notify_preferences (customer_id, locale, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (customer_id) DO UPDATE SET locale = EXCLUDED.locale, updated_at = now()
           WHERE notify_preferences.locale IS DISTINCT FROM EXCLUDED.locale`,
    values: [customerId, parsed.data.locale],
  });
  return { ok: true, locale: parsed.data.locale };
}

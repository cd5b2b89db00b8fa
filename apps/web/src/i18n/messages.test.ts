// [B3] Korean is complete: the same keys as English, the same arguments in every message, and a
// message for every domain error code and status the server can send.
import { DOMAIN_ERROR_CODES, EVENT_TYPES, REJECT_REASONS, SENT_EMAIL_KINDS } from "@bloom/domain";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";
import en from "./messages/en.json";
import ko from "./messages/ko.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

/** Top-level argument names of an ICU message: "{count, plural, …}" and "{name}" → count, name. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const EN = flatten(en as Tree);
const KO = flatten(ko as Tree);

describe("[B3] messages", () => {
  it("Korean has exactly the English keys", () => {
    expect(Object.keys(KO).sort()).toEqual(Object.keys(EN).sort());
  });

  it("every message uses the same arguments in both languages", () => {
    const mismatched = Object.keys(EN).filter((k) => KO[k] !== undefined && argumentsOf(EN[k]!).join() !== argumentsOf(KO[k]!).join());
    // Plural words exist in English only ("{count, plural, one {order} …}" vs "건"): allowed when Korean has no argument at all.
    const real = mismatched.filter((k) => argumentsOf(KO[k]!).length > 0);
    expect(real).toEqual([]);
  });

  it("every message formats without error in both languages", () => {
    for (const [locale, messages] of [["en", en], ["ko", ko]] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: messages as Tree, onError: (e) => errors.push(e.message) });
      for (const key of Object.keys(EN)) {
        const values: Record<string, unknown> = { code: (c: unknown) => c, strong: (c: unknown) => c, link: (c: unknown) => c };
        for (const name of argumentsOf(EN[key]!)) values[name] = name === "more" ? "yes" : 2;
        (t.rich as (k: string, v: object) => unknown)(key, values);
      }
      expect(errors, locale).toEqual([]);
    }
  });

  it("has words for every domain error code, timeline event and reject reason", () => {
    for (const code of DOMAIN_ERROR_CODES) expect(EN[`errors.domain.${code}`], code).toBeTruthy();
    for (const type of EVENT_TYPES) expect(EN[`timelineEvent.${type}`], type).toBeTruthy();
    for (const r of REJECT_REASONS) expect(EN[`rejectReason.${r}`], r).toBeTruthy();
  });

  it("[X1] has words for every email kind the settings screen shows (the domain's list)", () => {
    for (const kind of SENT_EMAIL_KINDS) expect([EN[`messageSettings.kind.${kind}`], KO[`messageSettings.kind.${kind}`]], kind).toEqual([expect.any(String), expect.any(String)]);
  });

  it("picks the language from Accept-Language by quality, Korean when nothing matches", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ko;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,ko;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("de,ko;q=0")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});

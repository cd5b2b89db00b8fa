// Text people type, as every adapter accepts it (S4): normalised to NFC and trimmed; no control
// characters (a line break and a tab only where a text may have lines) and no unpaired UTF-16
// surrogates — PostgreSQL refuses NUL and lone surrogates, so letting them through would fail after
// the card was charged (M1) — and lengths counted in user-perceived characters (graphemes), so an
// emoji or a Hangul syllable counts 1 in the browser's counter and on the server alike.
import { z } from "zod";

// \p{Cc} is C0, DEL and C1: the C1 range (U+0080–U+009F) is as invisible as C0 and prints as garbage.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINES = /(?![\n\t])\p{Cc}/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// One typed character is at most a handful of code units (a family emoji with skin tones is 19);
// anything longer is stacked combining marks ("Zalgo"), which would let a 150-character message
// weigh megabytes.
const GRAPHEME_UNITS_MAX = 32;

export const TEXT_REFUSED = "Remove the invisible or broken characters from this text";
/** The params of a TEXT_REFUSED issue, so a form can word it without matching English text. */
export const REFUSED_PARAMS = { text: "refused" } as const;

/** True when the text can be stored as one line (names, addresses). */
export const isPlainLine = (s: string) => !CONTROL.test(s) && !LONE_SURROGATE.test(s);
/** True when the text can be stored, line breaks and tabs allowed (messages, notes). */
export const isPlainText = (s: string) => !CONTROL_EXCEPT_LINES.test(s) && !LONE_SURROGATE.test(s);

// Built once (constructing one costs far more than using it). Browsers without Intl.Segmenter
// count code points: close, and the server, which has it, decides.
const SEGMENTER = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

function* graphemes(s: string): Generator<string> {
  if (SEGMENTER) for (const g of SEGMENTER.segment(s)) yield g.segment;
  else yield* s;
}

// Below U+0300 (before the combining marks) every code unit is a character of its own, CR LF
// aside, which single-line fields refuse and multi-line ones turn into LF: no segmenting needed.
const ONE_UNIT_EACH = /^[\u0000-\u02ff]*$/; // eslint-disable-line no-control-regex

/**
 * The number of user-perceived characters in `s` ("e\u0301", "🌷" and "한" each count 1). With
 * `stopAfter`, counting ends there: a megabyte-long text costs no more than the limit it broke.
 */
export function graphemeCount(s: string, stopAfter = Number.POSITIVE_INFINITY): number {
  if (ONE_UNIT_EACH.test(s)) return Math.min(s.length, stopAfter);
  let n = 0;
  for (const _ of graphemes(s)) if (++n >= stopAfter) break;
  return n;
}

/** The length a text field counts for `s` (NFC, trimmed): what the browser's counters show. */
export const textLength = (s: string) => graphemeCount(s.normalize("NFC").trim());

export type TextFieldOptions = {
  /** Fewest characters (after trimming); 0 by default. An optional field adds `.optional()`. */
  min?: number;
  max: number;
  /** Line breaks and tabs allowed (messages, notes); off for names, addresses, search. */
  multiline?: boolean;
  messages?: {
    /** The value is not text at all. */
    type?: string;
    /** Empty after trimming, when min > 0; `tooShort` when not given. */
    required?: string;
    tooShort?: string;
    tooLong?: string;
    /** Control characters, unpaired surrogates or an overlong character. */
    refused?: string;
  };
};

/**
 * A zod string for free text: NFC, trimmed (a multi-line text's CRLF becomes LF), refused with
 * TEXT_REFUSED for control characters or broken UTF-16, and limited in graphemes. Issues use zod's
 * own codes (too_small, too_big, custom), so forms map them to words as any other field's.
 */
export function textField({ min = 0, max, multiline = false, messages = {} }: TextFieldOptions) {
  const tooShort = messages.tooShort ?? `Enter at least ${min} characters`;
  const tooLong = messages.tooLong ?? `Limited to ${max} characters`;
  const refused = messages.refused ?? TEXT_REFUSED;
  const plain = multiline ? isPlainText : isPlainLine;
  return z
    .string(messages.type ?? "Enter text")
    .overwrite((s) => (multiline ? s.replace(/\r\n?/g, "\n") : s).normalize("NFC"))
    .trim()
    .superRefine((s, ctx) => {
      if (!plain(s)) {
        ctx.addIssue({ code: "custom", message: refused, input: s, params: REFUSED_PARAMS });
        return;
      }
      // One pass, up to max + 1: the count, and any overlong character.
      let count = 0;
      if (ONE_UNIT_EACH.test(s)) count = s.length;
      else {
        for (const g of graphemes(s)) {
          if (g.length > GRAPHEME_UNITS_MAX) {
            ctx.addIssue({ code: "custom", message: refused, input: s, params: REFUSED_PARAMS });
            return;
          }
          if (++count > max) break;
        }
      }
      if (count > max) ctx.addIssue({ code: "too_big", origin: "string", maximum: max, inclusive: true, message: tooLong, input: s });
      else if (count < min) {
        const message = count === 0 ? (messages.required ?? tooShort) : tooShort;
        ctx.addIssue({ code: "too_small", origin: "string", minimum: min, inclusive: true, message, input: s });
      }
    })
    .meta({ description: `${min > 0 ? `${min} to ${max}` : `Up to ${max}`} characters, an emoji counting as one; no control characters${multiline ? " except line breaks and tabs" : ""}` });
}

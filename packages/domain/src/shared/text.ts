// Text people type, as every adapter accepts it (S4): normalised to NFC and trimmed; no control
// characters (a line break and a tab only where a text may have lines) and no unpaired UTF-16
// surrogates — PostgreSQL refuses NUL and lone surrogates, so letting them through would fail after
// the card was charged (M1) — and lengths counted in user-perceived characters (graphemes), so an
// emoji or a Hangul syllable counts 1 in the browser's counter and on the server alike.
import { z } from "zod";

export { graphemeCount, isPlainLine, isPlainText, REFUSED_PARAMS, TEXT_REFUSED, textLength } from "./text-rules";
import { GRAPHEME_UNITS_MAX, graphemes, isPlainLine, isPlainText, ONE_UNIT_EACH, REFUSED_PARAMS, TEXT_REFUSED } from "./text-rules";

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

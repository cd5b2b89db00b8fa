// The text rules of S4 with no zod: what counts as a character (graphemes) and which characters are
// refused. The browser counts with these (the gift counter, the reject dialog) without the schemas (P1).
// \p{Cc} is C0, DEL and C1: the C1 range (U+0080–U+009F) is as invisible as C0 and prints as garbage.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINES = /(?![\n\t])\p{Cc}/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// One typed character is at most a handful of code units (a family emoji with skin tones is 19);
// anything longer is stacked combining marks ("Zalgo"), which would let a 150-character message
// weigh megabytes.
export const GRAPHEME_UNITS_MAX = 32;

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

export function* graphemes(s: string): Generator<string> {
  if (SEGMENTER) for (const g of SEGMENTER.segment(s)) yield g.segment;
  else yield* s;
}

// Below U+0300 (before the combining marks) every code unit is a character of its own, CR LF
// aside, which single-line fields refuse and multi-line ones turn into LF: no segmenting needed.
export const ONE_UNIT_EACH = /^[\u0000-\u02ff]*$/; // eslint-disable-line no-control-regex

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

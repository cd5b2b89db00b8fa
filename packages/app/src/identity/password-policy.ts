// Password policy (S5) beyond the shared schema's length rule: refuses common and breached-list
// passwords, passwords built from the account's own name or email, and easily guessed ones.
// Server only: zxcvbn's dictionaries are about 0.5 MB, so nothing the browser loads may import this.
import type { Refusal } from "@bloom/domain";
import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

export type PasswordWeakness = "COMMON" | "PERSONAL" | "GUESSABLE";

/** A refusal about the password field; adapters answer it like the schema's own field refusals. */
export type PasswordRefusal = Refusal & { code: "VALIDATION"; field: "password"; weakness: PasswordWeakness };

export const isPasswordRefusal = (r: { ok: boolean }): r is PasswordRefusal =>
  !r.ok && (r as Partial<PasswordRefusal>).field === "password" && (r as Partial<PasswordRefusal>).weakness !== undefined;

/**
 * The lowest zxcvbn score accepted: 3, an estimated 10^8 guesses or more. Online guessing is
 * throttled per account (S1), so what the score has to hold off is offline cracking of a leaked
 * table of our bcrypt (cost 10) hashes: at zxcvbn's 10^4 guesses a second for slow hashes, a score
 * 2 password falls within minutes to about three hours, a score 3 one takes hours to days for each
 * account (salted: one at a time), which makes cracking the whole table uneconomic. Score 4 would
 * also refuse memorable two-word-and-digits passwords, and push people to composition tricks NIST
 * SP 800-63B advises against.
 */
export const MIN_PASSWORD_SCORE = 3;

// bcrypt reads only the first 72 bytes, so strength beyond them protects nothing; and zxcvbn's
// matching grows steeply with length (up to half a second a check at 200 characters, the schema's
// maximum), which would let one sign-up request hold the event loop.
const CHECKED_LENGTH = 72;

// Words anyone attacking Bloom's users would try first (NIST: context-specific words).
const SERVICE_WORDS = ["bloom", "flower", "flowers", "florist", "bouquet"];

const MESSAGES: Record<PasswordWeakness, string> = {
  COMMON: "This password is on lists of common or leaked passwords. Choose another one.",
  PERSONAL: "Your password must not contain your name or your email address.",
  GUESSABLE: "This password is too easy to guess. A few unrelated words together make a strong one.",
};

// zxcvbn's warnings that mean "this is (close to) a known password".
const COMMON_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon", "pwned"]);

type Checker = Pick<ZxcvbnFactory, "check">;
let checker: Promise<Checker> | undefined;

/**
 * zxcvbn with the common dictionaries, built once on first use (about 60 ms: importing them
 * decompresses ~50 000 words), so processes that never see a sign-up never pay for them.
 */
function zxcvbn(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    return new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, maxLength: CHECKED_LENGTH });
  })().catch((e: unknown) => {
    checker = undefined; // a failed load is retried by the next sign-up rather than cached
    throw e;
  });
  return checker;
}

// Compared without case, accents' compatibility forms, spaces or punctuation: "Min-Jun" is "minjun".
const folded = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * What of the person the password must not contain: the whole email local part and the whole name
 * (3 characters or more, so a name like "Kim" or "김민준" counts), and each of their words of 4
 * characters or more ("minjun" in "kim.minjun"; not "kim" alone, which "skimming" contains).
 */
export function personalWords(about: { email: string; name: string }): string[] {
  const local = about.email.split("@")[0] ?? "";
  const words = new Set<string>();
  for (const whole of [local, about.name]) {
    const f = folded(whole);
    if ([...f].length >= 3) words.add(f);
    for (const part of whole.split(/[^\p{L}\p{N}]+/u)) {
      const p = folded(part);
      if ([...p].length >= 4) words.add(p);
    }
  }
  return [...words];
}

function weaknessOf(result: ZxcvbnResult): PasswordWeakness | null {
  const [only, ...rest] = result.sequence;
  const wholeIsKnownPassword = rest.length === 0 && only?.pattern === "dictionary" && only.dictionaryName === "passwords-common";
  if (wholeIsKnownPassword || (result.feedback.warning !== null && COMMON_WARNINGS.has(result.feedback.warning))) return "COMMON";
  return result.score < MIN_PASSWORD_SCORE ? "GUESSABLE" : null;
}

/** null when the password may be used by this person; otherwise the refusal saying why not. */
export async function checkPassword(password: string, about: { email: string; name: string }): Promise<PasswordRefusal | null> {
  const personal = personalWords(about);
  const pw = folded(password);
  let weakness: PasswordWeakness | null = personal.some((w) => pw.includes(w)) ? "PERSONAL" : null;
  if (!weakness) {
    const userInputs = [about.email, ...personal, ...SERVICE_WORDS];
    weakness = weaknessOf((await zxcvbn()).check(password, userInputs));
  }
  return weakness ? { ok: false, code: "VALIDATION", field: "password", weakness, message: MESSAGES[weakness] } : null;
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emailSchema, signUpSchema } from "../identity/credentials";
import { graphemeCount, REFUSED_PARAMS, TEXT_REFUSED, textField, textLength } from "./text";

const line = textField({ min: 1, max: 5, messages: { tooShort: "Enter it", tooLong: "Too long" } });
const lines = textField({ max: 5, multiline: true });
const issue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0];

describe("[S4] text fields", () => {
  it("[S4] refuse NUL, other control characters (C0, DEL, C1) and unpaired surrogates, naming the rule", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "lone \ud800", "\udc00x", "\udc00\ud800"]) {
      for (const schema of [line, lines]) {
        const i = issue(schema, bad);
        expect(i?.message, JSON.stringify(bad)).toBe(TEXT_REFUSED);
        expect(i?.code).toBe("custom");
        expect((i as { params?: unknown } | undefined)?.params).toEqual(REFUSED_PARAMS);
      }
    }
    // A pair is a character, not a broken one.
    expect(line.parse("🌷")).toBe("🌷");
  });

  it("[S4] line breaks and tabs only in multi-line fields; CRLF becomes LF", () => {
    expect(issue(line, "two\nlines")?.message).toBe(TEXT_REFUSED);
    expect(issue(line, "a\tb")?.message).toBe(TEXT_REFUSED);
    expect(lines.parse("a\r\nb\tc")).toBe("a\nb\tc");
    expect(lines.parse("a\rb")).toBe("a\nb");
    // Leading and trailing line breaks are whitespace: trimmed, not refused.
    expect(line.parse("\n Mina \n")).toBe("Mina");
  });

  it("[S4] normalise to NFC: 'e' + combining acute equals 'é' and counts 1", () => {
    const composed = line.parse("e\u0301");
    expect(composed).toBe("é");
    expect(composed).toBe("\u00e9");
    expect(graphemeCount("e\u0301")).toBe(1);
    expect(textLength("e\u0301")).toBe(1);
    // Decomposed Hangul (jamo) is stored as the syllable.
    expect(line.parse("\u1112\u1161\u11ab")).toBe("한");
  });

  it("[S4] lengths count user-perceived characters: an emoji, a flag, a family, a Korean syllable each count 1", () => {
    for (const one of ["🌷", "🇰🇷", "👨‍👩‍👧‍👦", "👍🏽", "한", "é"]) expect(graphemeCount(one), one).toBe(1);
    expect(graphemeCount("Happy 🎂!")).toBe(8);
    expect(line.parse("🌷🌷🌷🌷🌷")).toBe("🌷🌷🌷🌷🌷"); // 10 code units, 5 characters
    expect(issue(line, "🌷🌷🌷🌷🌷🌷")).toMatchObject({ code: "too_big", maximum: 5, message: "Too long" });
    expect(line.parse("윤소연님께")).toBe("윤소연님께");
    expect(issue(line, "abcdef")?.code).toBe("too_big");
  });

  it("[S4] trims before counting: blank is empty, surrounding spaces are free", () => {
    expect(line.parse("  abcde  ")).toBe("abcde");
    expect(issue(line, "   ")).toMatchObject({ code: "too_small", minimum: 1, message: "Enter it" });
    expect(issue(line, "\u3000")?.code).toBe("too_small"); // ideographic space
    expect(lines.parse("")).toBe("");
  });

  it("[S4] a megabyte is refused quickly, and stacked combining marks do not hide one", () => {
    const t0 = performance.now();
    expect(issue(line, "a".repeat(1 << 20))?.code).toBe("too_big");
    expect(issue(line, "한".repeat(1 << 20))?.code).toBe("too_big");
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(graphemeCount("🌷".repeat(1000), 6)).toBe(6);
    const zalgo = "a" + "\u0301".repeat(200);
    expect(graphemeCount(zalgo)).toBe(1);
    expect(issue(line, zalgo)?.message).toBe(TEXT_REFUSED);
  });

  it("[S4] not text at all is a type error", () => {
    expect(issue(line, 42)?.code).toBe("invalid_type");
    expect(issue(line, undefined)?.code).toBe("invalid_type");
  });

  it("[S4] sign-up name uses the same rules; the email format already refuses control characters", () => {
    const base = { email: "mina@bloom.test", password: "correct horse battery" };
    expect(signUpSchema.safeParse({ ...base, name: "Mina\u0000" }).error?.issues[0]).toMatchObject({ path: ["name"], message: TEXT_REFUSED });
    expect(signUpSchema.safeParse({ ...base, name: "\ud800" }).error?.issues[0]?.path).toEqual(["name"]);
    expect(signUpSchema.safeParse({ ...base, name: "🌷".repeat(60) }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...base, name: "🌷".repeat(61) }).error?.issues[0]?.path).toEqual(["name"]);
    for (const bad of ["mi\u0000na@bloom.test", "mina@bloom.test\ud800", "mi\u0007na@bloom.test"]) expect(emailSchema.safeParse(bad).success).toBe(false);
  });
});

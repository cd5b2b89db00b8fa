// The password policy on its own (S5): zxcvbn's real dictionaries, no database.
import { describe, expect, it } from "vitest";
import { maskEmail } from "./account-notices";
import { checkPassword, isPasswordRefusal, personalWords } from "./password-policy";

const minji = { email: "minji.kim@example.com", name: "Minji Kim" };
const weaknessOf = async (password: string, about = minji) => (await checkPassword(password, about))?.weakness ?? "accepted";

describe("[S5] password policy", () => {
  it("[S5] refuses the dictionary's common and breached passwords, whatever their length", async () => {
    for (const p of ["12345678", "password", "qwerty123", "iloveyou", "sunshine", "1q2w3e4r", "abcd1234", "Password1", "trustno1"]) {
      expect(await weaknessOf(p), p).toBe("COMMON");
    }
  });

  it("[S5] refuses easily guessed passwords that are not on the list as they are", async () => {
    for (const p of ["longenough", "bloom1234", "Password1!", "letmein123", "aaaaaaaaaaaa", "11111111111111111111"]) {
      expect(await weaknessOf(p), p).not.toBe("accepted");
    }
  });

  it("[S5] refuses passwords containing the email's local part or the name, in any case or spacing", async () => {
    expect(await weaknessOf("minji.kim-garden-lantern")).toBe("PERSONAL"); // the whole local part
    expect(await weaknessOf("River-MINJI-lantern-42")).toBe("PERSONAL"); // a word of the name
    expect(await weaknessOf("lantern Minji Kim river")).toBe("PERSONAL"); // the whole name, spaced
    expect(await weaknessOf("tulip-river-seoul-42", { email: "seoul.tulip@example.com", name: "Jae" })).toBe("PERSONAL");
    expect(await weaknessOf("김민지정원등불강물", { email: "mj@example.com", name: "김민지" })).toBe("PERSONAL");
  });

  it("[S5] accepts a decent passphrase, and a short name's letters inside another word", async () => {
    expect(await checkPassword("river-maple-lantern-42", minji)).toBeNull();
    expect(await checkPassword("correct horse battery staple", minji)).toBeNull();
    // "kim" alone (3 letters) is not a word to refuse: "skimming" contains it.
    expect(await checkPassword("skimming-tulip-harbour", { email: "jh@example.com", name: "Jun Kim" })).toBeNull();
  });

  it("[S5] the refusal is typed: VALIDATION on the password field, with a message", async () => {
    const r = await checkPassword("12345678", minji);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", field: "password", weakness: "COMMON" });
    expect(r?.message).toMatch(/common or leaked/);
    expect(isPasswordRefusal(r!)).toBe(true);
    expect(isPasswordRefusal({ ok: false, code: "VALIDATION", message: "x" } as never)).toBe(false);
  });

  it("[S5] a 200-character password is judged on what bcrypt reads, within a bounded time", async () => {
    await checkPassword("warm-up-the-dictionaries", minji);
    const t0 = performance.now();
    expect(await weaknessOf("1".repeat(200))).not.toBe("accepted");
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("[S5] personal words: whole values of 3+ characters, their words of 4+", () => {
    expect(personalWords({ email: "kim.minjun+shop@example.com", name: "Kim Min-jun" }).sort()).toEqual(
      ["kimminjun", "kimminjunshop", "minjun", "shop"].sort(),
    );
  });

  it("[S5] masks the email for the notice log line", () => {
    expect(maskEmail("minji.kim@example.com")).toBe("m***m@example.com");
    expect(maskEmail("jo@example.com")).toBe("j***@example.com");
  });
});

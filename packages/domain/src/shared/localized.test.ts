import { describe, expect, it } from "vitest";
import { localized, localizedName } from "./localized";

describe("[W5] localized", () => {
  it("[W5] gives Korean readers the Korean text and everyone else the English", () => {
    expect(localized("ko", "Tulip Party", "튤립 파티")).toBe("튤립 파티");
    expect(localized("en", "Tulip Party", "튤립 파티")).toBe("Tulip Party");
    expect(localized(null, "Tulip Party", "튤립 파티")).toBe("Tulip Party");
  });
  it("[W5] falls back to the English text when no Korean one was recorded (rows and events from before W5)", () => {
    expect(localized("ko", "Tulip Party", "")).toBe("Tulip Party");
    expect(localized("ko", "Tulip Party", undefined)).toBe("Tulip Party");
    expect(localizedName("ko", { name: "Tulip Party" })).toBe("Tulip Party");
    expect(localizedName("ko", { name: "Tulip Party", nameKo: "튤립 파티" })).toBe("튤립 파티");
  });
});

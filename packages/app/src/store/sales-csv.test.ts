// W7: CSV fields are quoted exactly when a spreadsheet would misread them.
import { describe, expect, it } from "vitest";
import { csvField, csvOf } from "./sales-csv";

describe("[W7] sales CSV", () => {
  it("[W7] quotes commas, quotes, line breaks and edge spaces; numbers stay bare; formulas are defused", () => {
    expect(csvField("plain 꽃다발")).toBe("plain 꽃다발");
    expect(csvField('say "hi", bye')).toBe('"say ""hi"", bye"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(59000)).toBe("59000");
    expect(csvField(null)).toBe("");
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+82 10")).toBe("'+82 10");
    expect(csvOf([["a", 1], ["b", 2]])).toBe("\uFEFFa,1\r\nb,2\r\n");
  });
});

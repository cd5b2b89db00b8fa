import { describe, expect, it } from "vitest";
import { itemsSummary, recipientArea } from "./board-labels";

describe("board card labels", () => {
  it("[W3] a compact card names the recipient's district, in English or Korean, else the address's start", () => {
    expect(recipientArea("88 Eulji-ro, Jung-gu, Seoul")).toBe("Jung-gu");
    expect(recipientArea("서울 마포구 와우산로 12")).toBe("마포구");
    expect(recipientArea("부산 기장군 기장읍 1")).toBe("기장군");
    expect(recipientArea("Somewhere far away without a district name")).toBe("Somewhere far away witho…");
    expect(recipientArea("Short")).toBe("Short");
  });

  it("[W3] and what it holds, in one line", () => {
    expect(itemsSummary([{ bouquetId: "a", name: "Tulip Party", unitPriceWon: 1, quantity: 2 }, { bouquetId: "b", name: "Red Rose", unitPriceWon: 1, quantity: 1 }])).toBe("Tulip Party ×2, Red Rose ×1");
  });
});

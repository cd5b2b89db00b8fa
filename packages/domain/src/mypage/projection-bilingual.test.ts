import { describe, expect, it } from "vitest";
import { createEvent } from "../events/catalog";
import { projectMyPage } from "./projection";

const ORDER = "0b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c4";
const placed = (extra: { storeNameKo?: string; lines: { bouquetId: string; name: string; unitPriceWon: number; quantity: number; nameKo?: string }[] }) =>
  createEvent("OrderPlaced", ORDER, {
    customerId: "c1", storeId: "s1", storeName: "Hongdae Petal Studio", totalWon: 113000, recipientName: "R", recipientPhone: "010-1111-2222",
    address: "Addr", deliveryDate: "2030-01-02", timeSlot: "12-15", giftMessage: null, note: null, paymentId: "p", ...extra,
  }, { role: "CUSTOMER", id: "c1" });

describe("[W5] MyPage projection in both languages", () => {
  it("[W5] keeps the shop's and the items' Korean names beside the English ones", () => {
    const v = projectMyPage(ORDER, [placed({
      storeNameKo: "홍대 꽃잎 스튜디오",
      lines: [{ bouquetId: "a", name: "Tulip Party", nameKo: "튤립 파티", unitPriceWon: 42000, quantity: 2 }, { bouquetId: "b", name: "Baby's Breath Mist", nameKo: "안개꽃 다발", unitPriceWon: 29000, quantity: 1 }],
    })]);
    expect(v).toMatchObject({ storeName: "Hongdae Petal Studio", storeNameKo: "홍대 꽃잎 스튜디오", itemsSummary: "Tulip Party ×2, Baby's Breath Mist", itemsSummaryKo: "튤립 파티 ×2, 안개꽃 다발" });
  });

  it("[W5] an OrderPlaced from before W5 names nothing in Korean: the Korean columns stay empty (screens show the English)", () => {
    const v = projectMyPage(ORDER, [placed({ lines: [{ bouquetId: "a", name: "Tulip Party", unitPriceWon: 42000, quantity: 2 }] })]);
    expect(v).toMatchObject({ storeNameKo: "", itemsSummary: "Tulip Party ×2", itemsSummaryKo: "" });
  });
});

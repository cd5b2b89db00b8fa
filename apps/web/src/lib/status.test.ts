// [W8][F14][F6][F11] A rejected or cancelled order says there will be no delivery, instead of
// "Not requested yet" (or "Waiting for a rider") forever; a delivery a rider already had keeps its
// own status.
import { describe, expect, it } from "vitest";
import en from "~/i18n/messages/en.json";
import ko from "~/i18n/messages/ko.json";
import { shownDeliveryStatus } from "./status";

describe("[W8][F14] the delivery status a customer reads", () => {
  it("a rejected or cancelled order before any rider: no delivery", () => {
    expect(shownDeliveryStatus("REJECTED", "NONE")).toBe("NO_DELIVERY");
    expect(shownDeliveryStatus("CANCELLED", "NONE")).toBe("NO_DELIVERY");
    expect(shownDeliveryStatus("CANCELLED", "REQUESTED")).toBe("NO_DELIVERY");
  });

  it("an open order shows the delivery as it is", () => {
    for (const order of ["PLACED", "ACCEPTED", "DECORATED"]) expect(shownDeliveryStatus(order, "NONE")).toBe("NONE");
    expect(shownDeliveryStatus("DECORATED", "REQUESTED")).toBe("REQUESTED");
    expect(shownDeliveryStatus("DELIVERING", "DELIVERING")).toBe("DELIVERING");
  });

  it("a stopped order whose delivery a rider had keeps the delivery's own status", () => {
    expect(shownDeliveryStatus("CANCELLED", "CANCELLED")).toBe("CANCELLED");
    expect(shownDeliveryStatus("CANCELLED", "ASSIGNED")).toBe("ASSIGNED");
  });

  it("has words in both languages, different from 'not requested yet'", () => {
    expect(en.status.delivery.NO_DELIVERY).toBe("No delivery");
    expect(ko.status.delivery.NO_DELIVERY).toBe("배송 없음");
    expect(en.status.delivery.NO_DELIVERY).not.toBe(en.status.delivery.NONE);
    expect(ko.status.delivery.NO_DELIVERY).not.toBe(ko.status.delivery.NONE);
  });
});

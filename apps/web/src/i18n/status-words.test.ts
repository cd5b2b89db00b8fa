// [W8][B3][F13][F14] Status badges read as states, buttons as actions: no badge in either language
// says the same words as a button that changes an order, a store order or a delivery (the board's
// "주문 수락" button and the "주문 수락" badge read the same, so the badge looked like a button).
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ko from "./messages/ko.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

/** The buttons that act on an order, a store order or a delivery, for every role. */
const ACTION_KEYS = [
  "checkout.pay",
  "order.cancel.button",
  "order.cancel.confirm",
  "order.cancel.keep",
  "board.card.accept",
  "board.card.reject",
  "board.card.decorationDone",
  "board.reject.confirm",
  "board.reject.keep",
  "boardFailed.reschedule",
  "rider.take",
  "rider.arrived",
  "rider.pickedUp",
  "rider.complete",
  "rider.deliver",
  "rider.confirmReturn",
  "riderDoor.deliver",
  "riderDoor.recordAttempt",
  "riderDoor.backAtShop",
];

for (const [locale, tree] of [["en", en], ["ko", ko]] as const) {
  const all = flatten(tree as Tree);
  const badges = Object.entries(all).filter(([k]) => k.startsWith("status."));
  const normal = (s: string) => s.trim().toLocaleLowerCase(locale);

  describe(`[W8][B3] status words (${locale})`, () => {
    it("every action key exists", () => {
      expect(ACTION_KEYS.filter((k) => !all[k])).toEqual([]);
    });

    it("no status badge says the words of an action button", () => {
      const actions = new Map(ACTION_KEYS.map((k) => [normal(all[k]!), k]));
      const clashes = badges.filter(([, v]) => actions.has(normal(v))).map(([k, v]) => `${k} = "${v}" = ${actions.get(normal(v))}`);
      expect(clashes).toEqual([]);
    });
  });
}

describe("[W8][B3] Korean status badges are worded as states", () => {
  const KO = flatten(ko as Tree);
  const orderish = Object.entries(KO).filter(([k]) => /^status\.(order|storeOrder)\./.test(k));

  it("an order's status is a state (…됨, … 중, … 완료, … 대기, 신규), never a noun + action (주문 수락, 주문 취소)", () => {
    const actionLike = orderish.filter(([, v]) => !/(됨|중|완료|대기|신규)$/.test(v));
    expect(actionLike).toEqual([]);
    expect(KO["status.order.ACCEPTED"]).toBe("수락됨");
    expect(KO["status.order.CANCELLED"]).not.toBe(KO["order.cancel.button"]);
    expect(KO["status.storeOrder.ACCEPTED"]).not.toBe(KO["board.card.accept"]);
  });

  it("a stopped delivery and a payment are states too", () => {
    for (const key of ["status.delivery.CANCELLED", "status.riderDelivery.CANCELLED", "status.payment.PAID", "status.payment.REFUNDED"]) {
      expect(KO[key], key).toMatch(/(됨|완료)$/);
    }
    expect(KO["status.delivery.NO_DELIVERY"]).toBe("배송 없음");
  });
});

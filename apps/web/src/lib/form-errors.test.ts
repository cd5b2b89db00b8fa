// [B3] Zod issues from the shared schemas map to a specific translated message for every field a
// customer can get wrong (not the generic fallback), in both languages.
import { addDays, placeOrderSchema, signInSchema, signUpSchema, todayInSeoul } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import en from "~/i18n/messages/en.json";
import ko from "~/i18n/messages/ko.json";
import { issueKind, issuePath } from "./form-errors";

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string) => path.split(".").reduce<string | Tree | undefined>((t, k) => (typeof t === "object" ? t[k] : undefined), tree);
const messageFor = (tree: Tree, path: string, kind: string) => lookup(tree, `validation.${path}.${kind}`) ?? lookup(tree, `validation.${path}.invalid`);

const EMPTY_CHECKOUT = {
  storeId: "10000000-0000-4000-8000-000000000001",
  items: [{ bouquetId: "20000000-0000-4000-8000-000000000001", quantity: 1 }],
  delivery: { recipientName: "", recipientPhone: "12", address: "Jung", deliveryDate: "", timeSlot: "" },
  card: { number: "4242 4242 4242 4241", expiry: "13/30", cvc: "" },
  idempotencyKey: "30000000-0000-4000-8000-000000000001",
};

describe("[B3] form errors", () => {
  it("checkout: every refused field has its own message in English and Korean", () => {
    const parsed = placeOrderSchema.safeParse(EMPTY_CHECKOUT);
    expect(parsed.success).toBe(false);
    const seen = new Map<string, string>();
    for (const issue of parsed.error!.issues) seen.set(issuePath(issue), issueKind(issue, EMPTY_CHECKOUT));
    expect([...seen.keys()].sort()).toEqual(
      ["card.cvc", "card.expiry", "card.number", "delivery.address", "delivery.deliveryDate", "delivery.recipientName", "delivery.recipientPhone", "delivery.timeSlot"].sort(),
    );
    expect(seen.get("delivery.recipientName")).toBe("required");
    expect(seen.get("delivery.recipientPhone")).toBe("invalid");
    expect(seen.get("delivery.address")).toBe("tooShort");
    expect(seen.get("card.number")).toBe("custom");
    for (const [path, kind] of seen) {
      expect(messageFor(en as Tree, path, kind), `en ${path}.${kind}`).toBeTypeOf("string");
      expect(messageFor(ko as Tree, path, kind), `ko ${path}.${kind}`).toBeTypeOf("string");
    }
    expect(messageFor(en as Tree, "delivery.recipientName", "required")).toBe("Enter the recipient's name");
    expect(messageFor(en as Tree, "delivery.recipientPhone", "invalid")).toBe("Enter a phone number like 010-1234-5678");
  });

  it("sign-in and sign-up fields have their own messages", () => {
    const inputs = [
      [signInSchema, { email: "nope", password: "" }],
      [signUpSchema, { name: "", email: "", password: "short", phone: "12" }],
    ] as const;
    for (const [schema, input] of inputs) {
      const parsed = schema.safeParse(input);
      for (const issue of parsed.error!.issues) {
        const path = issuePath(issue);
        const kind = issueKind(issue, input);
        expect(messageFor(en as Tree, path, kind), `en ${path}.${kind}`).toBeTypeOf("string");
        expect(messageFor(ko as Tree, path, kind), `ko ${path}.${kind}`).toBeTypeOf("string");
      }
    }
  });

  it("[S4] broken characters, a bouquet over its limit after merging and a date too far ahead have their own words", () => {
    const bouquetId = "20000000-0000-4000-8000-000000000001";
    const input = {
      ...EMPTY_CHECKOUT,
      items: [{ bouquetId, quantity: 20 }, { bouquetId, quantity: 20 }],
      delivery: { recipientName: "Mina\u0000", recipientPhone: "010-1234-5678", address: "88 Eulji-ro", deliveryDate: addDays(todayInSeoul(), 400), timeSlot: "12-15", giftMessage: "\ud800" },
      card: { number: "4242 4242 4242 4242", expiry: "12/99", cvc: "123" },
    };
    const seen = new Map<string, string>();
    for (const issue of placeOrderSchema.safeParse(input).error!.issues) seen.set(issuePath(issue), issueKind(issue, input));
    expect(Object.fromEntries(seen)).toEqual({
      items: "custom",
      "delivery.recipientName": "characters",
      "delivery.giftMessage": "characters",
      "delivery.deliveryDate": "tooLong",
    });
    for (const [tree, lang] of [[en, "en"], [ko, "ko"]] as const) {
      expect(lookup(tree as Tree, "validation.generic.characters"), lang).toBeTypeOf("string");
      expect(lookup(tree as Tree, "validation.items.custom"), lang).toBeTypeOf("string");
      expect(lookup(tree as Tree, "validation.delivery.deliveryDate.tooLong"), lang).toBeTypeOf("string");
    }
  });
});

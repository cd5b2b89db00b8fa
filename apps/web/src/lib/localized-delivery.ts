// W5: a delivery as the rider's screen shows it — the shop's name, its address and what is carried
// in the UI's language — so every card and notice reads the same fields it always did.
import { localized, type CarriedItem } from "@bloom/domain";

type Localizable = { storeName: string; storeNameKo: string; pickupAddress: string; pickupAddressKo: string; items: unknown };

export function localizeDelivery<D extends Localizable>(locale: string, d: D): D {
  const items = Array.isArray(d.items)
    ? (d.items as CarriedItem[]).map((i) => (i && typeof i === "object" ? { ...i, name: localized(locale, i.name, i.nameKo) } : i))
    : d.items;
  return { ...d, storeName: localized(locale, d.storeName, d.storeNameKo), pickupAddress: localized(locale, d.pickupAddress, d.pickupAddressKo), items };
}

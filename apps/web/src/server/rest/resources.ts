// Maps the use cases' results to the public API's answers (see schemas.ts), field by field, so a
// new column never leaks out by accident.
import type { arrangementWithStepsForSender, OrderDetail } from "@bloom/app";
import { offeredTiers, orderNumber, type BouquetTier } from "@bloom/domain";
import type { z } from "zod";
import type { addonResource, bouquetResource, OrderResource, storeResource } from "./schemas";

export function toStore(s: z.infer<typeof storeResource>): z.infer<typeof storeResource> {
  const { id, name, nameKo, area, address, phone, description, imageUrl, opensAt, closesAt, open, addressKo, descriptionKo } = s;
  return { id, name, nameKo, area, address, phone, description, imageUrl, opensAt, closesAt, open, addressKo, descriptionKo };
}

type MenuBouquet = Omit<z.infer<typeof bouquetResource>, "sizes"> & { deluxePriceWon: number | null; premiumPriceWon: number | null };

export function toBouquet(b: MenuBouquet): z.infer<typeof bouquetResource> {
  const { id, storeId, name, nameKo, description, priceWon, stock, imageUrl, descriptionKo } = b;
  return { id, storeId, name, nameKo, description, priceWon, stock, imageUrl, descriptionKo, sizes: offeredTiers(b) };
}

export function toAddon(a: z.infer<typeof addonResource>): z.infer<typeof addonResource> {
  const { id, name, nameKo, priceWon, stock } = a;
  return { id, name, nameKo, priceWon, stock };
}

type Arrangement = Awaited<ReturnType<typeof arrangementWithStepsForSender>>;

export function toOrder(o: OrderDetail, arrangement?: Arrangement): OrderResource {
  return {
    id: o.id,
    number: orderNumber(o.id),
    status: o.status,
    statusReason: o.statusReason,
    storeId: o.storeId,
    storeName: o.storeName,
    totalWon: o.totalWon,
    deliveryFeeWon: o.deliveryFeeWon,
    items: o.lines.map((l) => ({ bouquetId: l.bouquetId, name: l.name, unitPriceWon: l.unitPriceWon, quantity: l.quantity, nameKo: l.nameKo || l.name, tier: l.tier as BouquetTier })),
    delivery: {
      recipientName: o.recipientName,
      recipientPhone: o.recipientPhone,
      address: o.address,
      deliveryDate: o.deliveryDate,
      timeSlot: o.timeSlot,
      giftMessage: o.giftMessage,
      note: o.note,
      redeliveryFeeWon: o.redeliveryFeeWon,
      sendAnonymously: o.sendAnonymously,
    },
    payment: { cardBrand: o.cardBrand, cardLast4: o.cardLast4, refunded: o.refunded },
    history: o.history.map((h) => ({ status: h.status, at: h.at.toISOString(), note: h.note })),
    ...(arrangement !== undefined ? { arrangement: arrangement && toArrangement(arrangement) } : {}),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    storeNameKo: o.storeNameKo || o.storeName,
    addons: o.addons.map((a) => ({ addonId: a.addonId, name: a.name, nameKo: a.nameKo, unitPriceWon: a.unitPriceWon, quantity: a.quantity })),
  };
}

function toArrangement(a: NonNullable<Arrangement>): NonNullable<OrderResource["arrangement"]> {
  return {
    status: a.status,
    round: a.round,
    substitutions: a.substitutions,
    changeNote: a.changeNote,
    approvalDueAt: a.status === "AWAITING" && a.dueAt ? a.dueAt.toISOString() : null,
    approvedBy: a.approvedBy === "sender" || a.approvedBy === "timeout" ? a.approvedBy : null,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    steps: a.steps,
  };
}

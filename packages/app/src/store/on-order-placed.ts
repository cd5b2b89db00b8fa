// Policy "store-notification" (F3): a paid order lands on its store's board with a notification.
import type { Tx } from "@bloom/db";
import { isOverStock, type DomainEvent } from "@bloom/domain";

export async function putOrderOnBoard(tx: Tx, e: DomainEvent<"OrderPlaced">) {
  const p = e.payload;
  const stock = await tx.bouquet.findMany({
    where: { id: { in: p.lines.map((l) => l.bouquetId) } },
    select: { id: true, stock: true },
  });
  const details = {
    lines: p.lines,
    totalWon: p.totalWon,
    recipientName: p.recipientName,
    recipientPhone: p.recipientPhone,
    address: p.address,
    deliveryDate: p.deliveryDate,
    timeSlot: p.timeSlot,
    giftMessage: p.giftMessage,
    note: p.note,
    overStock: isOverStock(p.lines, new Map(stock.map((b) => [b.id, b.stock]))),
  };
  // Upsert: a cancellation that overtook this event left a CANCELLED tombstone; keep its status.
  await tx.storeOrder.upsert({
    where: { orderId: e.orderId },
    create: { orderId: e.orderId, storeId: p.storeId, status: "NEW", createdAt: new Date(e.occurredAt), ...details },
    update: details,
  });
  const items = p.lines.reduce((n, l) => n + l.quantity, 0);
  await tx.storeNotification.create({
    data: {
      storeId: p.storeId,
      orderId: e.orderId,
      message: `New order: ${items} bouquet${items > 1 ? "s" : ""} for ${p.deliveryDate} ${p.timeSlot}`,
    },
  });
}

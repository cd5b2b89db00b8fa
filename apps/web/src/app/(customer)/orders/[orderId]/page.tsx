import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { customerGate } from "../../customer-gate";
import { OrderDetail } from "./order-detail";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const blocked = await customerGate(`/orders/${orderId}`);
  if (blocked) return blocked;
  if (!z.uuid().safeParse(orderId).success) notFound();
  return <OrderDetail orderId={orderId} />;
}

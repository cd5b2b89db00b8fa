import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { customerGate } from "../../customer-gate";
import { OrderDetail } from "./order-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("pageTitle") };
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const blocked = await customerGate(`/orders/${orderId}`);
  if (blocked) return blocked;
  if (!z.uuid().safeParse(orderId).success) notFound();
  return <OrderDetail orderId={orderId} />;
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { customerGate } from "../customer-gate";
import { OrderList } from "./order-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

export default async function OrdersPage() {
  const blocked = await customerGate("/orders");
  return blocked ?? <OrderList />;
}

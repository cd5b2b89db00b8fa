import type { Metadata } from "next";
import { customerGate } from "../customer-gate";
import { prefetch } from "../server-data";
import { ORDERS_PAGE_SIZE, OrderList } from "./order-list";

export const metadata: Metadata = { title: "My orders" };

export default async function OrdersPage() {
  const blocked = await customerGate("/orders");
  if (blocked) return blocked;
  const firstPage = await prefetch((c) => c.order.list({ limit: ORDERS_PAGE_SIZE }));
  return <OrderList initialPage={firstPage} />;
}

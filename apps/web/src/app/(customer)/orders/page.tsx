import type { Metadata } from "next";
import { customerGate } from "../customer-gate";
import { OrderList } from "./order-list";

export const metadata: Metadata = { title: "My orders" };

export default async function OrdersPage() {
  const blocked = await customerGate("/orders");
  return blocked ?? <OrderList />;
}

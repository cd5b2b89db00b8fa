import type { Metadata } from "next";
import { RiderScreen } from "./rider-screen";

export const metadata: Metadata = { title: "Deliveries" };

export default function DeliveriesPage() {
  return <RiderScreen />;
}

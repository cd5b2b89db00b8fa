import type { Metadata } from "next";
import { prefetch } from "../server-data";
import { StoreBrowser } from "./store-browser";

export const metadata: Metadata = { title: "Flower shops" };

export default async function StoresPage() {
  const [stores, areas] = await Promise.all([prefetch((c) => c.catalog.stores({})), prefetch((c) => c.catalog.areas())]);
  return <StoreBrowser initialStores={stores} initialAreas={areas} />;
}

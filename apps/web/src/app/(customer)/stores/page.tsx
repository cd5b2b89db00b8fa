import type { Metadata } from "next";
import { StoreBrowser } from "./store-browser";

export const metadata: Metadata = { title: "Flower shops" };

export default function StoresPage() {
  return <StoreBrowser />;
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { MenuEditor } from "./menu-editor";

export const metadata: Metadata = { title: "Menu and stock" };

export default function MenuPage() {
  return (
    <Suspense fallback={<div className="skeleton" style={{ minHeight: "20rem" }} aria-label="Loading the menu" />}>
      <MenuEditor />
    </Suspense>
  );
}

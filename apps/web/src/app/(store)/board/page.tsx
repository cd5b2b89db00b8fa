import type { Metadata } from "next";
import { Suspense } from "react";
import { OrderBoard } from "./order-board";

export const metadata: Metadata = { title: "Order board" };

export default function BoardPage() {
  return (
    // The board reads ?store= from the URL; the boundary keeps the shell prerenderable.
    <Suspense fallback={<div className="skeleton" style={{ minHeight: "24rem" }} aria-label="Loading the board" />}>
      <OrderBoard />
    </Suspense>
  );
}

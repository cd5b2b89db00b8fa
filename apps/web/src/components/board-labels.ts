// The board's types, and readers for the board row's JSON columns.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;
export type BoardOrder = Outputs["store"]["board"]["orders"][number];
export type MyStore = Outputs["store"]["myStores"][number];
export type MenuBouquet = Outputs["store"]["menu"][number];

export type BoardLine = { bouquetId: string; name: string; unitPriceWon: number; quantity: number };

/** `lines` is a JSON column: trust only the lines that have the expected shape. */
export function boardLines(value: unknown): BoardLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (l): l is BoardLine => typeof l === "object" && l !== null && typeof (l as BoardLine).name === "string" && typeof (l as BoardLine).quantity === "number",
  );
}

/** The id of an order card's heading, so focus can follow a card into its next column. */
export const boardOrderHeadingId = (orderId: string) => `board-order-${orderId}`;

/**
 * Accepting or rejecting moves a card to another column and removes the button that had focus;
 * put keyboard focus on the card in its new place instead of losing it to the page.
 * No scrolling: the tablet's view should not jump under the owner's finger.
 */
export function focusBoardOrder(orderId: string): void {
  setTimeout(() => document.getElementById(boardOrderHeadingId(orderId))?.focus({ preventScroll: true }), 60);
}

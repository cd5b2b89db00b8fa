// The board's types, and readers for the board row's JSON columns.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;
export type BoardOrder = Outputs["store"]["board"]["orders"][number];
export type MyStore = Outputs["store"]["myStores"][number];
export type MenuBouquet = Outputs["store"]["menu"][number];

export type BoardLine = { bouquetId: string; name: string; unitPriceWon: number; quantity: number; nameKo?: string; tier?: string };
/** W4: an add-on of the order as OrderPlaced carried it. */
export type BoardAddon = { addonId: string; name: string; nameKo: string; unitPriceWon: number; quantity: number };

/** `lines` is a JSON column: trust only the lines that have the expected shape. */
export function boardLines(value: unknown): BoardLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (l): l is BoardLine => typeof l === "object" && l !== null && typeof (l as BoardLine).name === "string" && typeof (l as BoardLine).quantity === "number",
  );
}

/** W4: `addons` is a JSON column too: trust only the add-ons that have the expected shape. */
export function boardAddons(value: unknown): BoardAddon[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (a): a is BoardAddon =>
      typeof a === "object" && a !== null && typeof (a as BoardAddon).name === "string" && typeof (a as BoardAddon).nameKo === "string" && typeof (a as BoardAddon).quantity === "number",
  );
}

/** The id of an order card's heading, so focus can follow a card into its next column. */
export const boardOrderHeadingId = (orderId: string) => `board-order-${orderId}`;

/**
 * Accepting or rejecting moves a card to another lane and removes the button that had focus (W3):
 * bring the card into view in its new lane — the lane scrolls, the page moves no more than it must
 * — and put keyboard focus on it. Waits (a few frames, at most ~1 s) for the card to have moved.
 */
export function focusBoardOrder(orderId: string, fromLane?: string): void {
  let frames = 0;
  const step = () => {
    const heading = document.getElementById(boardOrderHeadingId(orderId));
    const card = heading?.closest<HTMLElement>("[data-testid=board-order]");
    const lane = card?.closest<HTMLElement>("[data-lane]")?.dataset.lane;
    if ((!heading || (fromLane && lane === fromLane)) && frames++ < 60) {
      requestAnimationFrame(step);
      return;
    }
    card?.scrollIntoView({ block: "nearest", inline: "nearest" });
    heading?.focus({ preventScroll: true });
  };
  requestAnimationFrame(step);
}

/** The part of an address a florist sorts the van by: the district ("Jung-gu", "중구"), else its start. */
export function recipientArea(address: string): string {
  const m = /\b[A-Za-z]+-(?:gu|gun|si)\b|[가-힣]+(?:구|군)(?=\s|,|$)/.exec(address);
  return m ? m[0] : address.length > 24 ? `${address.slice(0, 24)}…` : address;
}

/** "Red Rose Classic ×2, Tulip Party ×1": what a compact card says it holds. */
/** W5: `nameOf` picks the UI language's name (the English `name` when not given). */
export function itemsSummary(lines: BoardLine[], nameOf: (l: BoardLine) => string = (l) => l.name): string {
  return lines.map((l) => `${nameOf(l)} ×${l.quantity}`).join(", ");
}

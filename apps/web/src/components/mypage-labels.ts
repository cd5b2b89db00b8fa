// MyPage's types and a reader for the read model's JSON timeline column.
import { EVENT_TYPES, type EventType, type TimelineEntry } from "@bloom/domain";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/routers/_app";

export type MyPageOrder = inferRouterOutputs<AppRouter>["mypage"]["orders"]["items"][number];
export type MyPageFilter = "all" | "active" | "past";

export const isEventType = (s: unknown): s is EventType => (EVENT_TYPES as readonly unknown[]).includes(s);

/** `timeline` is a JSON column: keep the entries that have the expected shape. */
export function timelineOf(value: unknown): TimelineEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is TimelineEntry =>
      typeof e === "object" && e !== null && typeof (e as TimelineEntry).label === "string" && typeof (e as TimelineEntry).at === "string",
  );
}

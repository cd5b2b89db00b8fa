"use client";
// The checkout's view of when the shop delivers (D2): the coming two weeks' slots, and the picked
// day's when it lies further ahead, each bookable or with its reason — the server's own rules.
import { type DayAvailability, type TimeSlot } from "@bloom/domain";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function useDeliverySlots(storeId: string, date: string) {
  const trpc = useTRPC();
  const coming = useQuery({ ...trpc.schedule.slots.queryOptions({ storeId }), staleTime: 30_000 });
  const inRange = coming.data?.days.some((d) => d.date === date) ?? false;
  const picked = useQuery({
    ...trpc.schedule.slots.queryOptions({ storeId, from: date, days: 1 }),
    enabled: DATE_RE.test(date) && coming.isSuccess && !inRange,
    staleTime: 30_000,
  });
  const day: DayAvailability | null = coming.data?.days.find((d) => d.date === date) ?? picked.data?.days.find((d) => d.date === date) ?? null;
  const firstBookable = coming.data?.days.find((d) => d.slots.some((s) => s.bookable))?.date ?? null;
  /** Unknown (still loading, or no date) counts as bookable: the server decides at payment anyway. */
  const slotOf = (slot: TimeSlot) => day?.slots.find((s) => s.slot === slot) ?? null;
  return { day, firstBookable, slotOf, loading: coming.isPending };
}

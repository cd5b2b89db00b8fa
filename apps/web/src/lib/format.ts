"use client";
// Display formatting in the viewer's language (B3): won with the locale's grouping, delivery days
// and time slots in the locale's own style, instants in Korea's time zone (set in i18n/request).
import { formatWon, type TimeSlot } from "@bloom/domain";
import { useFormatter, useLocale } from "next-intl";
import { useMemo } from "react";

/** "2026-11-27" as a calendar day (no time zone shift): the date a delivery is for. */
export const calendarDay = (date: string) => new Date(`${date}T00:00:00Z`);
const hourOfDay = (hour: number) => new Date(Date.UTC(2000, 0, 1, hour));

export type Formatters = ReturnType<typeof useFormat>;

export function useFormat() {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(
    () => ({
      /** ₩59,000 — whole won, grouped the locale's way. */
      won: (amount: number) => formatWon(amount, locale),
      /** en "Fri, Nov 27" · ko "11월 27일 (금)". */
      deliveryDate: (date: string) => {
        const d = calendarDay(date);
        if (Number.isNaN(d.getTime())) return date;
        return format.dateTime(d, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
      },
      /** "09-12" → en "9:00 AM – 12:00 PM" · ko "오전 9:00~오후 12:00". */
      slot: (slot: TimeSlot | string) => {
        const [from, to] = slot.split("-").map(Number);
        if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) return slot;
        return format.dateTimeRange(hourOfDay(from), hourOfDay(to), { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
      },
      /** An opening hour: en "9:00 AM" · ko "오전 9:00". */
      hour: (hour: number) => format.dateTime(hourOfDay(hour), { timeZone: "UTC", hour: "numeric", minute: "2-digit" }),
      /** An instant in Korean time: en "Nov 27, 2:05 PM" · ko "11월 27일 오후 2:05". */
      dateTime: (at: Date | string) => format.dateTime(new Date(at), { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }),
      /** Only the time of an instant: en "2:05 PM" · ko "오후 2:05". */
      time: (at: Date | string) => format.dateTime(new Date(at), { hour: "numeric", minute: "2-digit" }),
      number: (n: number) => format.number(n),
    }),
    [format, locale],
  );
}

/** Machine-readable form for <time dateTime>. */
export function isoDateTime(at: Date | string): string {
  return new Date(at).toISOString();
}

"use client";
// A rejection's reason: stored as a code (OUT_OF_FLOWERS …) or, for "Other", the owner's own words.
import { REJECT_REASONS, type RejectReason } from "@bloom/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

export const isRejectReason = (s: string): s is RejectReason => (REJECT_REASONS as readonly string[]).includes(s);

export function useRejectReasonText(): (stored: string | null | undefined) => string | null {
  const t = useTranslations("rejectReason");
  return useCallback((stored) => (!stored ? null : isRejectReason(stored) ? t(stored) : stored), [t]);
}

"use client";
// Which store the owner is looking at: one of theirs, or all of them (board only).
import { useTranslations } from "next-intl";
import { SelectField } from "~/components/ui/field";
import { useLocalizedName } from "~/lib/localized";
import type { MyStore } from "./board-labels";

export function BoardStorePicker({
  stores,
  value,
  onChange,
  allowAll = false,
  className,
}: {
  stores: MyStore[] | undefined;
  value: string;
  onChange: (storeId: string) => void;
  allowAll?: boolean;
  className?: string;
}) {
  const t = useTranslations("board");
  const nameOf = useLocalizedName();
  return (
    <SelectField label={t("store")} value={value} onChange={(e) => onChange(e.target.value)} disabled={!stores} className={className}>
      {allowAll && <option value="">{t("allStores")}</option>}
      {!stores && !allowAll && <option value="">{t("loadingStores")}</option>}
      {stores?.map((s) => (
        <option key={s.id} value={s.id}>
          {nameOf(s)}
        </option>
      ))}
    </SelectField>
  );
}

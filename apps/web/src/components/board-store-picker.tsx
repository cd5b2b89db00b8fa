"use client";
// Which store the owner is looking at: one of theirs, or all of them (board only).
import { SelectField } from "~/components/field";
import type { MyStore } from "./board-labels";

export function BoardStorePicker({
  stores,
  value,
  onChange,
  allowAll = false,
}: {
  stores: MyStore[] | undefined;
  value: string;
  onChange: (storeId: string) => void;
  allowAll?: boolean;
}) {
  return (
    <SelectField label="Store" value={value} onChange={(e) => onChange(e.target.value)} disabled={!stores}>
      {allowAll && <option value="">All my stores</option>}
      {!stores && !allowAll && <option value="">Loading…</option>}
      {stores?.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name} · {s.nameKo}
        </option>
      ))}
    </SelectField>
  );
}

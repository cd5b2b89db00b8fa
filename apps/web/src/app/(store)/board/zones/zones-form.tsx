"use client";
// The zones list as a form: each zone a fieldset (districts as checkboxes, or a radius), its fee
// and minimum order; errors by the field at fault, from the same schema the server applies.
import { type City, DISTRICTS, type DeliveryZone, deliveryZonesSchema } from "@bloom/domain";
import { Plus, Save, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, FieldGroup, SelectField } from "~/components/ui/field";
import { useFormat } from "~/lib/format";

type Draft = { kind: DeliveryZone["kind"]; districtIds: string[]; radiusKm: string; feeWon: string; minimumOrderWon: string };

const draftOf = (z: DeliveryZone): Draft => ({
  kind: z.kind,
  districtIds: z.kind === "DISTRICTS" ? z.areas.map((a) => a.districtId) : [],
  radiusKm: z.kind === "RADIUS" ? String(z.radiusKm) : "3",
  feeWon: String(z.feeWon),
  minimumOrderWon: String(z.minimumOrderWon),
});
const blank = (): Draft => ({ kind: "DISTRICTS", districtIds: [], radiusKm: "3", feeWon: "3000", minimumOrderWon: "0" });
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

function zonesOf(drafts: Draft[]) {
  return drafts.map((d) =>
    d.kind === "DISTRICTS"
      ? { kind: d.kind, areas: d.districtIds.map((districtId) => ({ districtId })), feeWon: num(d.feeWon), minimumOrderWon: num(d.minimumOrderWon) }
      : { kind: d.kind, radiusKm: num(d.radiusKm), feeWon: num(d.feeWon), minimumOrderWon: num(d.minimumOrderWon) },
  );
}

export function ZonesForm({
  city,
  initial,
  saving,
  saveError,
  saved,
  onSave,
}: {
  city: City | null;
  initial: DeliveryZone[];
  saving: boolean;
  saveError: string | null;
  saved: boolean;
  onSave: (zones: DeliveryZone[]) => void;
}) {
  const t = useTranslations("deliveryZones");
  const f = useFormat();
  const locale = useLocale();
  const formId = useId();
  const [drafts, setDrafts] = useState<Draft[]>(() => initial.map(draftOf));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const districts = DISTRICTS.filter((d) => !city || d.city === city);

  const update = (i: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = deliveryZonesSchema.safeParse(zonesOf(drafts));
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [i, field] = issue.path;
        const key = `${String(i)}.${field === "areas" ? "areas" : String(field)}`;
        next[key] ??= field === "areas" ? t("errors.districts") : field === "radiusKm" ? t("errors.radius") : t("errors.won");
      }
      setErrors(next);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus());
      return;
    }
    setErrors({});
    onSave(parsed.data);
  }

  return (
    <form id={formId} onSubmit={submit} noValidate className="grid gap-4" aria-label={t("formLabel")}>
      {drafts.length === 0 && <Alert tone="info">{t("none")}</Alert>}
      {drafts.map((d, i) => (
        <fieldset key={i} className="m-0 grid gap-3 rounded-3xl border border-line bg-surface p-4 shadow-card" data-testid="zone">
          <legend className="px-1 text-lg font-bold">{t("zone", { n: i + 1 })}</legend>
          <SelectField label={t("kind")} value={d.kind} onChange={(e) => update(i, { kind: e.target.value as Draft["kind"] })}>
            <option value="DISTRICTS">{t("kinds.DISTRICTS")}</option>
            <option value="RADIUS">{t("kinds.RADIUS")}</option>
          </SelectField>
          {d.kind === "DISTRICTS" ? (
            <FieldGroup legend={t("districts")} error={errors[`${i}.areas`]}>
              <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
                {districts.map((x) => (
                  <label key={x.id} className="flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={d.districtIds.includes(x.id)}
                      aria-invalid={errors[`${i}.areas`] ? true : undefined}
                      onChange={(e) =>
                        update(i, { districtIds: e.target.checked ? [...d.districtIds, x.id] : d.districtIds.filter((id) => id !== x.id) })
                      }
                    />
                    {locale === "ko" ? x.nameKo : x.nameEn}
                    {!city && <span className="text-muted"> ({t(`cities.${x.city}`)})</span>}
                  </label>
                ))}
              </div>
            </FieldGroup>
          ) : (
            <Field
              label={t("radius")}
              hint={city ? t("radiusHint") : t("notPlaced")}
              type="number"
              inputMode="decimal"
              min={0}
              step={0.5}
              value={d.radiusKm}
              onChange={(e) => update(i, { radiusKm: e.target.value })}
              error={errors[`${i}.radiusKm`]}
            />
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field
              label={t("fee")}
              type="number"
              inputMode="numeric"
              min={0}
              step={500}
              hint={Number.isFinite(num(d.feeWon)) ? f.won(num(d.feeWon)) : undefined}
              value={d.feeWon}
              onChange={(e) => update(i, { feeWon: e.target.value })}
              error={errors[`${i}.feeWon`]}
            />
            <Field
              label={t("minimum")}
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              hint={Number.isFinite(num(d.minimumOrderWon)) ? f.won(num(d.minimumOrderWon)) : undefined}
              value={d.minimumOrderWon}
              onChange={(e) => update(i, { minimumOrderWon: e.target.value })}
              error={errors[`${i}.minimumOrderWon`]}
            />
          </div>
          <div>
            <Button type="button" variant="secondary" size="sm" onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden="true" />
              {t("remove", { n: i + 1 })}
            </Button>
          </div>
        </fieldset>
      ))}
      <p className="m-0 text-sm text-muted">{t("rule")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setDrafts((all) => [...all, blank()])}>
          <Plus aria-hidden="true" />
          {t("add")}
        </Button>
        <Button type="submit" pending={saving} pendingText={t("saving")}>
          <Save aria-hidden="true" />
          {t("save")}
        </Button>
      </div>
      <div aria-live="polite">
        {saveError && <Alert>{saveError}</Alert>}
        {saved && !saveError && !saving && <Alert tone="success">{t("saved")}</Alert>}
      </div>
    </form>
  );
}

"use client";
// Weekly hours, lead time, cutoff and capacity (D2), validated with deliverySettingsSchema — the
// schema the procedure applies — and saved together.
import { type DeliverySettings, deliverySettingsSchema, type DayHours } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { useErrorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

const HOURS = Array.from({ length: 25 }, (_, h) => h);
const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s));

/** The form's field an issue belongs to: hours by weekday, the rules by name. */
function errorKeys(issues: { path: PropertyKey[] }[]): Set<string> {
  return new Set(issues.map((i) => (i.path[0] === "weeklyHours" ? `hours.${String(i.path[1] ?? "")}` : String(i.path[0]))));
}

export function SettingsForm({ storeId, initial }: { storeId: string; initial: DeliverySettings }) {
  const t = useTranslations("schedule");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const save = useMutation(trpc.schedule.saveSettings.mutationOptions());
  const [hours, setHours] = useState<DayHours[]>(initial.weeklyHours);
  const [lead, setLead] = useState(String(initial.leadTimeMinutes));
  const [cutoff, setCutoff] = useState(initial.slotCutoffMinutes === null ? "" : String(initial.slotCutoffMinutes));
  const [capacity, setCapacity] = useState(initial.slotCapacity === null ? "" : String(initial.slotCapacity));
  const [errors, setErrors] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);

  const setDay = (i: number, h: DayHours) => {
    setSaved(false);
    setHours((all) => all.map((x, j) => (j === i ? h : x)));
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const input = { weeklyHours: hours, leadTimeMinutes: Number(lead || "0"), slotCutoffMinutes: numberOrNull(cutoff), slotCapacity: numberOrNull(capacity) };
    const parsed = deliverySettingsSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(errorKeys(parsed.error.issues));
      return;
    }
    setErrors(new Set());
    await save.mutateAsync({ storeId, ...parsed.data }).then(
      () => {
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.schedule.pathKey() });
      },
      () => undefined,
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid content-start gap-4 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5" aria-labelledby="hours-title">
      <h2 id="hours-title" className="m-0 text-lg font-bold">
        {t("owner.hoursTitle")}
      </h2>
      <ul className="m-0 grid list-none gap-3 p-0">
        {hours.map((h, i) => {
          const day = t(`weekday.${i}` as "weekday.0");
          return (
            <li key={i} className="grid grid-cols-[minmax(8rem,1fr)_1fr_1fr] items-end gap-2" data-testid={`weekday-${i}`}>
              <label className="flex min-h-10 items-center gap-2 text-sm font-semibold">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-600"
                  checked={h !== null}
                  onChange={(e) => setDay(i, e.target.checked ? { opensAt: 9, closesAt: 21 } : null)}
                />
                {t("owner.openOn", { day })}
              </label>
              {h && (
                <>
                  <SelectField label={t("owner.opensAt", { day })} value={h.opensAt} onChange={(e) => setDay(i, { ...h, opensAt: Number(e.target.value) })}>
                    {HOURS.slice(0, 24).map((x) => (
                      <option key={x} value={x}>
                        {t("owner.hoursOption", { hour: String(x).padStart(2, "0") })}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    label={t("owner.closesAt", { day })}
                    value={h.closesAt}
                    onChange={(e) => setDay(i, { ...h, closesAt: Number(e.target.value) })}
                    error={errors.has(`hours.${i}`) ? t("owner.errors.hours") : undefined}
                  >
                    {HOURS.slice(1).map((x) => (
                      <option key={x} value={x}>
                        {t("owner.hoursOption", { hour: String(x).padStart(2, "0") })}
                      </option>
                    ))}
                  </SelectField>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <h2 className="m-0 text-lg font-bold">{t("owner.rulesTitle")}</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label={t("owner.leadTime")}
          type="number"
          inputMode="numeric"
          min={0}
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          hint={t("owner.leadTimeHint")}
          error={errors.has("leadTimeMinutes") ? t("owner.errors.leadTimeMinutes") : undefined}
        />
        <Field
          label={t("owner.cutoff")}
          type="number"
          inputMode="numeric"
          min={0}
          value={cutoff}
          onChange={(e) => setCutoff(e.target.value)}
          hint={t("owner.cutoffHint")}
          error={errors.has("slotCutoffMinutes") ? t("owner.errors.slotCutoffMinutes") : undefined}
        />
        <Field
          label={t("owner.capacity")}
          type="number"
          inputMode="numeric"
          min={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          hint={t("owner.capacityHint")}
          error={errors.has("slotCapacity") ? t("owner.errors.slotCapacity") : undefined}
        />
      </div>
      {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          {t("owner.save")}
        </Button>
        <span role="status" className="text-sm font-semibold text-leaf-700">
          {saved ? t("owner.saved") : ""}
        </span>
      </div>
    </form>
  );
}

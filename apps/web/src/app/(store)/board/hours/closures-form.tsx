"use client";
// Dated closures (D2): holidays and time off, from a first to a last day, with an optional note.
// Checked with addClosureSchema, the schema the procedure applies.
import { addClosureSchema, todayInSeoul } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useErrorMessage } from "~/lib/error-message";
import { useFormat } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

type Closure = { id: string; startsOn: string; endsOn: string; note: string | null };

export function ClosuresForm({ storeId, closures }: { storeId: string; closures: Closure[] }) {
  const t = useTranslations("schedule");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.schedule.pathKey() });
  const add = useMutation(trpc.schedule.addClosure.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.schedule.removeClosure.mutationOptions({ onSuccess: refresh }));
  const [today] = useState(todayInSeoul);
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<"dates" | "note" | null>(null);

  const rangeOf = (c: Closure) =>
    c.startsOn === c.endsOn ? t("shop.closureOne", { date: f.deliveryDate(c.startsOn) }) : t("shop.closureRange", { from: f.deliveryDate(c.startsOn), to: f.deliveryDate(c.endsOn) });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = { startsOn, endsOn: endsOn || startsOn, note: note.trim() || undefined };
    const parsed = addClosureSchema.safeParse(input);
    if (!parsed.success || parsed.data.endsOn < today) {
      setError(parsed.success || parsed.error.issues[0]?.path[0] !== "note" ? "dates" : "note");
      return;
    }
    setError(null);
    await add.mutateAsync({ storeId, closure: parsed.data }).then(
      () => {
        setStartsOn("");
        setEndsOn("");
        setNote("");
      },
      () => undefined,
    );
  }

  return (
    <section aria-labelledby="closures-title" className="grid content-start gap-4 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5">
      <div className="grid gap-1">
        <h2 id="closures-title" className="m-0 text-lg font-bold">
          {t("owner.closuresTitle")}
        </h2>
        <p className="m-0 text-sm text-muted">{t("owner.closuresIntro")}</p>
      </div>
      {closures.length === 0 ? (
        <p className="m-0 text-sm">{t("owner.noClosures")}</p>
      ) : (
        <ul className="m-0 grid list-none gap-2 p-0" data-testid="owner-closures">
          {closures.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 rounded-xl border border-line px-3 py-2 text-sm">
              <span>
                <span className="font-semibold">{rangeOf(c)}</span>
                {c.note && <span className="text-muted"> — {c.note}</span>}
              </span>
              <Button variant="secondary" size="sm" aria-label={t("owner.removeClosure", { range: rangeOf(c) })} onClick={() => remove.mutate({ closureId: c.id })}>
                {t("owner.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="grid gap-3">
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("owner.startsOn")} type="date" min={today} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={error === "dates" ? t("owner.errors.dates") : undefined} required />
          <Field label={t("owner.endsOn")} type="date" min={startsOn || today} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </div>
        <Field
          label={t("owner.note")}
          value={note}
          placeholder={t("owner.notePlaceholder")}
          onChange={(e) => setNote(e.target.value)}
          error={error === "note" ? t("owner.errors.note") : undefined}
        />
        {(add.isError || remove.isError) && <Alert>{errorMessage(add.error ?? remove.error)}</Alert>}
        <Button type="submit" variant="secondary" pending={add.isPending}>
          {t("owner.addClosure")}
        </Button>
      </form>
    </section>
  );
}

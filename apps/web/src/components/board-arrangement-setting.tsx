"use client";
// The shop's photo approval settings (W1), on the owner's menu screen beside the door photo's (D5):
// the sender gets a photo of every bouquet before it goes out, and how long they have to answer.
// The switch saves at once; the window with its button (validated by the domain's schema).
import { arrangementSettingsSchema } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Switch } from "~/components/ui/switch";
import { useErrorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

export function BoardArrangementSetting({ storeId, required, windowSeconds }: { storeId: string; required: boolean; windowSeconds: number }) {
  const t = useTranslations("arrangement.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [minutes, setMinutes] = useState(String(Math.max(1, Math.round(windowSeconds / 60))));
  const [invalid, setInvalid] = useState<string | null>(null);
  const set = useMutation(
    trpc.store.setArrangementSettings.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.store.myStores.queryKey() }),
    }),
  );
  const checked = set.isPending ? set.variables.required : required;
  const save = (next: { required: boolean; minutes: string }) => {
    const parsed = arrangementSettingsSchema.safeParse({ required: next.required, windowMinutes: Number(next.minutes) });
    if (!parsed.success) {
      setInvalid(t("windowHint"));
      return;
    }
    setInvalid(null);
    set.mutate({ storeId, ...parsed.data });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save({ required: checked, minutes });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-2 rounded-2xl border border-line bg-surface p-4" data-testid="arrangement-setting">
      <h2 id={`${id}-title`} className="m-0 text-lg font-bold">
        {t("title")}
      </h2>
      <div className="flex items-center justify-between gap-4">
        <label htmlFor={`${id}-switch`} className="font-semibold">
          {t("label")}
        </label>
        <Switch id={`${id}-switch`} checked={checked} disabled={set.isPending} onCheckedChange={(v) => save({ required: v, minutes })} aria-describedby={`${id}-hint`} />
      </div>
      <p id={`${id}-hint`} className="m-0 text-sm text-muted">
        {t("hint")}
      </p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit} aria-label={t("windowLabel")}>
        <Field
          id={`${id}-minutes`}
          name="windowMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          step={1}
          label={t("windowLabel")}
          hint={t("windowHint")}
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
          error={invalid}
          className="w-48"
        />
        <Button type="submit" variant="secondary" pending={set.isPending} pendingText={t("saving")}>
          {t("save")}
        </Button>
        {set.isSuccess && !set.isPending && (
          <span role="status" className="text-sm font-semibold text-leaf-800">
            {t("saved")}
          </span>
        )}
      </form>
      {set.error && <Alert>{errorMessage(set.error)}</Alert>}
    </section>
  );
}

"use client";
// The shop's "photo required at the door" switch (D5), on the owner's menu screen: riders of this
// shop's bouquets arranged from now on must take a photo to deliver.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { Switch } from "~/components/ui/switch";
import { useErrorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

export function BoardPhotoSetting({ storeId, required }: { storeId: string; required: boolean }) {
  const t = useTranslations("photoSetting");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const id = useId();
  const set = useMutation(
    trpc.store.setRequireDeliveryPhoto.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.store.myStores.queryKey() }),
    }),
  );
  const checked = set.isPending ? set.variables.required : required;
  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-2 rounded-2xl border border-line bg-surface p-4" data-testid="photo-setting">
      <h2 id={`${id}-title`} className="m-0 text-lg font-bold">
        {t("title")}
      </h2>
      <div className="flex items-center justify-between gap-4">
        <label htmlFor={`${id}-switch`} className="font-semibold">
          {t("label")}
        </label>
        <Switch id={`${id}-switch`} checked={checked} disabled={set.isPending} onCheckedChange={(v) => set.mutate({ storeId, required: v })} aria-describedby={`${id}-hint`} />
      </div>
      <p id={`${id}-hint`} className="m-0 text-sm text-muted">
        {t("hint")}
      </p>
      {set.error && <Alert>{errorMessage(set.error)}</Alert>}
    </section>
  );
}

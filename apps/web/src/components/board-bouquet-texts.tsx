"use client";
// W5: a bouquet's names and descriptions in English and Korean, edited from its menu row behind a
// disclosure, validated like the add form (bouquetEditSchema's limits) and saved together.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, TextAreaField } from "~/components/ui/field";
import { useErrorMessage } from "~/lib/error-message";
import { focusFirstInvalid } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";
import { checkNames, DESCRIPTION_MAX, NAME_MAX, serverFieldErrors, useBouquetErrorText, type BouquetErrors } from "./board-bouquet-rules";
import type { MenuBouquet } from "./board-labels";

type Texts = { name: string; nameKo: string; description: string; descriptionKo: string };
const textsOf = (b: MenuBouquet): Texts => ({ name: b.name, nameKo: b.nameKo, description: b.description, descriptionKo: b.descriptionKo });

export function BoardBouquetTexts({ bouquet, label }: { bouquet: MenuBouquet; label: string }) {
  const t = useTranslations("bilingual.bouquetTexts");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useBouquetErrorText();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<Texts>(() => textsOf(bouquet));
  const [errors, setErrors] = useState<BouquetErrors>({});
  const [saved, setSaved] = useState(false);

  const save = useMutation(
    trpc.store.updateBouquet.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.store.menu.queryKey({ storeId: bouquet.storeId }) });
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      },
    }),
  );

  const set = (key: keyof Texts) => (e: { target: { value: string } }) => {
    setV((x) => ({ ...x, [key]: e.target.value }));
    setSaved(false);
    if (errors[key]) setErrors((x) => ({ ...x, [key]: undefined }));
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next = checkNames(v.name, v.nameKo, v.description, v.descriptionKo);
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    save.mutate({ bouquetId: bouquet.id, name: v.name.trim(), nameKo: v.nameKo.trim(), description: v.description.trim(), descriptionKo: v.descriptionKo.trim() });
  }

  const hasFieldErrors = Object.values(errors).some(Boolean);
  return (
    <details className="mt-1" data-testid="bouquet-texts">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700" aria-label={t("summaryAria", { name: label })}>
        {t("summary")}
      </summary>
      <form ref={formRef} onSubmit={submit} noValidate className="mt-2 grid max-w-md gap-3">
        <Field label={t("name")} lang="en" value={v.name} onChange={set("name")} error={errorText("name", errors.name)} maxLength={NAME_MAX} autoComplete="off" required />
        <Field label={t("nameKo")} lang="ko" value={v.nameKo} onChange={set("nameKo")} error={errorText("nameKo", errors.nameKo)} maxLength={NAME_MAX} autoComplete="off" required />
        <TextAreaField label={t("description")} lang="en" optionalText={t("optional")} value={v.description} onChange={set("description")} error={errorText("description", errors.description)} maxLength={DESCRIPTION_MAX} rows={2} />
        <TextAreaField label={t("descriptionKo")} lang="ko" optionalText={t("optional")} value={v.descriptionKo} onChange={set("descriptionKo")} error={errorText("descriptionKo", errors.descriptionKo)} maxLength={DESCRIPTION_MAX} rows={2} />
        {save.error && !hasFieldErrors && <Alert>{errorMessage(save.error)}</Alert>}
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" pending={save.isPending} pendingText={t("saving")}>
            {t("save")}
          </Button>
          <span role="status" className="text-xs font-semibold text-leaf-700">
            {saved ? t("saved") : ""}
          </span>
        </div>
      </form>
    </details>
  );
}

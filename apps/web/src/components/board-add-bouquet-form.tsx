"use client";
// "Add bouquet": a new item on the store's menu, on sale straight away unless switched off.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, TextAreaField } from "~/components/ui/field";
import { Switch } from "~/components/ui/switch";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { focusFirstInvalid } from "~/lib/form-errors";
import { useLocalizedName } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { checkNames, checkPrice, checkStock, DESCRIPTION_MAX, NAME_MAX, parseWhole, serverFieldErrors, useBouquetErrorText, type BouquetErrors } from "./board-bouquet-rules";

const EMPTY = { name: "", nameKo: "", description: "", priceWon: "", stock: "", active: true, descriptionKo: "" };

export function BoardAddBouquetForm({ storeId, storeName }: { storeId: string; storeName: string }) {
  const t = useTranslations("menuEditor.add");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useBouquetErrorText();
  const errorMessage = useErrorMessage();
  const nameOf = useLocalizedName();
  const formRef = useRef<HTMLFormElement>(null);
  const activeId = useId();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<BouquetErrors>({});

  const add = useMutation(
    trpc.store.addBouquet.mutationOptions({
      onSuccess: async (_res, input) => {
        toast.show(t("added", { name: nameOf(input), store: storeName }));
        setV(EMPTY);
        setErrors({});
        await queryClient.invalidateQueries({ queryKey: trpc.store.menu.queryKey({ storeId }) });
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      },
    }),
  );

  const set = (key: "name" | "nameKo" | "description" | "priceWon" | "stock" | "descriptionKo") => (e: { target: { value: string } }) => {
    setV((x) => ({ ...x, [key]: e.target.value }));
    if (errors[key]) setErrors((x) => ({ ...x, [key]: undefined }));
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: BouquetErrors = { ...checkNames(v.name, v.nameKo, v.description, v.descriptionKo), priceWon: checkPrice(v.priceWon), stock: checkStock(v.stock) };
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    add.mutate({
      storeId,
      name: v.name.trim(),
      nameKo: v.nameKo.trim(),
      description: v.description.trim(),
      priceWon: parseWhole(v.priceWon),
      stock: parseWhole(v.stock),
      active: v.active,
      descriptionKo: v.descriptionKo.trim(),
    });
  }

  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <form ref={formRef} className="grid gap-4" onSubmit={submit} noValidate aria-labelledby="add-bouquet-title">
      <h2 id="add-bouquet-title" className="m-0 text-lg font-bold">
        {t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} lang="en" value={v.name} onChange={set("name")} error={errorText("name", errors.name)} maxLength={NAME_MAX} autoComplete="off" required />
        <Field label={t("nameKo")} lang="ko" value={v.nameKo} onChange={set("nameKo")} error={errorText("nameKo", errors.nameKo)} maxLength={NAME_MAX} autoComplete="off" required />
      </div>
      <TextAreaField
        label={t("description")}
        optionalText={t("optional")}
        value={v.description}
        onChange={set("description")}
        error={errorText("description", errors.description)}
        maxLength={DESCRIPTION_MAX}
        rows={2}
      />
      <TextAreaField
        label={t("descriptionKo")}
        lang="ko"
        optionalText={t("optional")}
        value={v.descriptionKo}
        onChange={set("descriptionKo")}
        error={errorText("descriptionKo", errors.descriptionKo)}
        maxLength={DESCRIPTION_MAX}
        rows={2}
      />
      <div className="grid items-start gap-4 sm:grid-cols-[1fr_1fr_auto]">
        <Field label={t("price")} inputMode="numeric" placeholder="45000" value={v.priceWon} onChange={set("priceWon")} error={errorText("priceWon", errors.priceWon)} autoComplete="off" required />
        <Field label={t("stock")} inputMode="numeric" placeholder="10" value={v.stock} onChange={set("stock")} error={errorText("stock", errors.stock)} autoComplete="off" required />
        <div className="flex min-h-11 items-center gap-2 sm:mt-7">
          <Switch id={activeId} checked={v.active} onCheckedChange={(active) => setV((x) => ({ ...x, active }))} />
          <label htmlFor={activeId} className="cursor-pointer font-semibold">
            {t("onSale")}
          </label>
        </div>
      </div>
      {add.error && !hasFieldErrors && <Alert>{errorMessage(add.error)}</Alert>}
      <div>
        <Button type="submit" pending={add.isPending} pendingText={t("adding")}>
          <Plus aria-hidden="true" />
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

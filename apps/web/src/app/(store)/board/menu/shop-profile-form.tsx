"use client";
// W5: the shop's name, address and description in English and Korean, validated with
// storeProfileSchema — the schema the procedure applies — and saved together.
import { STORE_PROFILE_LIMITS, storeProfileSchema, type StoreProfile } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, TextAreaField } from "~/components/ui/field";
import { useErrorMessage } from "~/lib/error-message";
import { focusFirstInvalid } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

type Key = Exclude<keyof StoreProfile, "storeId">;
type Issue = "required" | "tooLong" | "invalid";
const LIMIT: Record<Key, number> = {
  name: STORE_PROFILE_LIMITS.nameMax,
  nameKo: STORE_PROFILE_LIMITS.nameMax,
  address: STORE_PROFILE_LIMITS.addressMax,
  addressKo: STORE_PROFILE_LIMITS.addressMax,
  description: STORE_PROFILE_LIMITS.descriptionMax,
  descriptionKo: STORE_PROFILE_LIMITS.descriptionMax,
};

export function ShopProfileForm({ initial }: { initial: StoreProfile }) {
  const t = useTranslations("bilingual.shopProfile");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<StoreProfile>(initial);
  const [errors, setErrors] = useState<Partial<Record<Key, Issue>>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.store.saveProfile.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.store.myStores.queryKey() });
      },
    }),
  );

  const set = (key: Key) => (e: { target: { value: string } }) => {
    setV((x) => ({ ...x, [key]: e.target.value }));
    setSaved(false);
    if (errors[key]) setErrors((x) => ({ ...x, [key]: undefined }));
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = storeProfileSchema.safeParse(v);
    if (!parsed.success) {
      const next: Partial<Record<Key, Issue>> = {};
      for (const i of parsed.error.issues) {
        const key = i.path[0] as Key;
        next[key] ??= i.code === "too_small" ? "required" : i.code === "too_big" ? "tooLong" : "invalid";
      }
      setErrors(next);
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  const err = (key: Key) => (errors[key] ? t(errors[key], { limit: LIMIT[key] }) : undefined);
  const line = (key: Key, lang: "en" | "ko") => (
    <Field label={t(key)} lang={lang} value={v[key]} onChange={set(key)} error={err(key)} maxLength={LIMIT[key]} autoComplete="off" required />
  );
  const text = (key: Key, lang: "en" | "ko") => (
    <TextAreaField label={t(key)} lang={lang} optionalText={t("optional")} value={v[key]} onChange={set(key)} error={err(key)} maxLength={LIMIT[key]} rows={2} />
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4" aria-labelledby="shop-profile-title" data-testid="shop-profile">
      <div className="grid gap-1">
        <h2 id="shop-profile-title" className="m-0 text-lg font-bold">
          {t("title")}
        </h2>
        <p className="m-0 text-sm text-muted">{t("lead")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {line("name", "en")}
        {line("nameKo", "ko")}
        {line("address", "en")}
        {line("addressKo", "ko")}
        {text("description", "en")}
        {text("descriptionKo", "ko")}
      </div>
      {save.error && <Alert>{errorMessage(save.error)}</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={save.isPending} pendingText={t("saving")}>
          {t("save")}
        </Button>
        <span role="status" className="text-sm font-semibold text-leaf-700">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}

"use client";
// W4: the shop's add-ons in Menu and stock (vase, chocolates, balloon, a larger card): price, stock
// and "on sale" edited in place and saved per row, like the bouquets; new add-ons added below.
// Stock is reserved when an order is placed and given back on rejection or cancellation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Switch } from "~/components/ui/switch";
import { useToast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { focusFirstInvalid } from "~/lib/form-errors";
import { useLocalizedName } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { checkNames, checkPrice, checkStock, NAME_MAX, parseWhole, serverFieldErrors, useBouquetErrorText, type BouquetErrors } from "./board-bouquet-rules";
import { CellInput, OnSaleCell, SaveCell } from "./board-menu-row";

type Addon = { id: string; storeId: string; name: string; nameKo: string; priceWon: number; stock: number; active: boolean };

export function BoardAddonsEditor({ storeId, storeName }: { storeId: string; storeName: string }) {
  const t = useTranslations("menuEditor.addons");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const addons = useQuery(trpc.store.addons.queryOptions({ storeId }, { refetchInterval: 10_000 }));

  return (
    <section className="mt-6 grid gap-4 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-6" aria-labelledby="addons-title" data-testid="menu-addons">
      <div>
        <h2 id="addons-title" className="m-0 text-lg font-bold">
          {t("title", { store: storeName })}
        </h2>
        <p className="m-0 text-sm text-muted">{t("lead")}</p>
      </div>
      {addons.isError && !addons.data ? (
        <Alert title={t("loadError")}>
          <p>{errorMessage(addons.error)}</p>
        </Alert>
      ) : !addons.data ? null : addons.data.length === 0 ? (
        <p className="m-0 text-sm text-muted">{t("empty")}</p>
      ) : (
        <div role="region" aria-labelledby="addons-caption" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption id="addons-caption" className="sr-only">
              {t("caption", { store: storeName, count: addons.data.length })}
            </caption>
            <thead>
              <tr className="border-b border-line text-left text-sm text-muted">
                <th scope="col" className="px-2 py-2 font-semibold">{t("col.addon")}</th>
                <th scope="col" className="px-2 py-2 font-semibold">{t("col.price")}</th>
                <th scope="col" className="px-2 py-2 font-semibold">{t("col.stock")}</th>
                <th scope="col" className="px-2 py-2 font-semibold">{t("col.onSale")}</th>
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">{t("col.save")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {addons.data.map((a) => (
                <AddonRow key={a.id} addon={a} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAddonForm storeId={storeId} storeName={storeName} />
    </section>
  );
}

type Draft = { priceWon: string; stock: string; active: boolean };
const fromServer = (a: Addon): Draft => ({ priceWon: String(a.priceWon), stock: String(a.stock), active: a.active });

function AddonRow({ addon }: { addon: Addon }) {
  const t = useTranslations("menuEditor.row");
  const locale = useLocale();
  const nameOf = useLocalizedName();
  const errorText = useBouquetErrorText();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => fromServer(addon));
  const [errors, setErrors] = useState<BouquetErrors>({});
  const [saved, setSaved] = useState(false);
  const base = useRef<Draft>(fromServer(addon));
  const name = nameOf(addon);
  const otherName = locale === "ko" ? addon.name : addon.nameKo;
  const server = fromServer(addon);

  // Fields the owner has not touched follow the server (orders move stock meanwhile).
  useEffect(() => {
    const before = base.current;
    base.current = server;
    setDraft((d) => ({
      priceWon: d.priceWon === before.priceWon ? server.priceWon : d.priceWon,
      stock: d.stock === before.stock ? server.stock : d.stock,
      active: d.active === before.active ? server.active : d.active,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the three server values only
  }, [server.priceWon, server.stock, server.active]);

  const dirty = draft.priceWon !== server.priceWon || draft.stock !== server.stock || draft.active !== server.active;
  const save = useMutation(
    trpc.store.updateAddon.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.store.addons.queryKey({ storeId: addon.storeId }) });
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );
  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
    if (save.error) save.reset();
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: BouquetErrors = { priceWon: checkPrice(draft.priceWon), stock: checkStock(draft.stock) };
    setErrors(next);
    setSaved(false);
    if (next.priceWon || next.stock) return;
    // Only what changed is sent: a stale stock figure never overwrites one that orders moved.
    save.mutate({
      addonId: addon.id,
      ...(draft.priceWon !== server.priceWon ? { priceWon: parseWhole(draft.priceWon) } : {}),
      ...(draft.stock !== server.stock ? { stock: parseWhole(draft.stock) } : {}),
      ...(draft.active !== server.active ? { active: draft.active } : {}),
    });
  }
  const formError = save.error && !errors.priceWon && !errors.stock ? errorMessage(save.error) : null;

  return (
    <tr data-testid="menu-addon" data-addon-id={addon.id} className={cn("border-b border-line last:border-b-0", dirty && "bg-warning-50/60")}>
      <th scope="row" className="px-2 py-3 text-left align-top font-normal">
        <span className="block font-bold">{name}</span>
        <span className="block text-sm text-muted" lang={locale === "ko" ? "en" : "ko"}>
          {otherName}
        </span>
      </th>
      <td className="px-2 py-3 align-top">
        <CellInput form={formId} label={t("priceOf", { name })} prefix="₩" value={draft.priceWon} onChange={(v) => edit({ priceWon: v })} error={errorText("priceWon", errors.priceWon)} />
      </td>
      <td className="px-2 py-3 align-top">
        <CellInput form={formId} label={t("stockOf", { name })} value={draft.stock} onChange={(v) => edit({ stock: v })} error={errorText("stock", errors.stock)} narrow />
        {draft.stock.trim() === "0" && !errors.stock && <span className="mt-1 block text-xs font-semibold text-warning-800">{t("soldOut")}</span>}
      </td>
      <OnSaleCell name={name} active={draft.active} onChange={(active) => edit({ active })} className="px-2" />
      <SaveCell formId={formId} onSubmit={submit} name={name} dirty={dirty} pending={save.isPending} saved={saved} formError={formError} className="px-2" />
    </tr>
  );
}

const EMPTY = { name: "", nameKo: "", priceWon: "", stock: "", active: true };

function AddAddonForm({ storeId, storeName }: { storeId: string; storeName: string }) {
  const t = useTranslations("menuEditor.addons");
  const ta = useTranslations("menuEditor.add");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useBouquetErrorText();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const activeId = useId();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<BouquetErrors>({});
  const add = useMutation(
    trpc.store.addAddon.mutationOptions({
      onSuccess: async (_res, input) => {
        toast.show(t("added", { name: input.name, store: storeName }));
        setV(EMPTY);
        setErrors({});
        await queryClient.invalidateQueries({ queryKey: trpc.store.addons.queryKey({ storeId }) });
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      },
    }),
  );
  const set = (key: "name" | "nameKo" | "priceWon" | "stock") => (e: { target: { value: string } }) => {
    setV((x) => ({ ...x, [key]: e.target.value }));
    if (errors[key]) setErrors((x) => ({ ...x, [key]: undefined }));
  };
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: BouquetErrors = { ...checkNames(v.name, v.nameKo, ""), priceWon: checkPrice(v.priceWon), stock: checkStock(v.stock) };
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    add.mutate({ storeId, name: v.name.trim(), nameKo: v.nameKo.trim(), priceWon: parseWhole(v.priceWon), stock: parseWhole(v.stock), active: v.active });
  }
  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <form ref={formRef} className="grid gap-4 border-t border-line pt-4" onSubmit={submit} noValidate aria-labelledby="add-addon-title">
      <h3 id="add-addon-title" className="m-0 text-base font-bold">
        {t("addTitle")}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={ta("name")} lang="en" value={v.name} onChange={set("name")} error={errorText("name", errors.name)} maxLength={NAME_MAX} autoComplete="off" required />
        <Field label={ta("nameKo")} lang="ko" value={v.nameKo} onChange={set("nameKo")} error={errorText("nameKo", errors.nameKo)} maxLength={NAME_MAX} autoComplete="off" required />
      </div>
      <div className="grid items-start gap-4 sm:grid-cols-[1fr_1fr_auto]">
        <Field label={ta("price")} inputMode="numeric" placeholder="15000" value={v.priceWon} onChange={set("priceWon")} error={errorText("priceWon", errors.priceWon)} autoComplete="off" required />
        <Field label={ta("stock")} inputMode="numeric" placeholder="10" value={v.stock} onChange={set("stock")} error={errorText("stock", errors.stock)} autoComplete="off" required />
        <div className="flex min-h-11 items-center gap-2 sm:mt-7">
          <Switch id={activeId} checked={v.active} onCheckedChange={(active) => setV((x) => ({ ...x, active }))} />
          <label htmlFor={activeId} className="cursor-pointer font-semibold">
            {ta("onSale")}
          </label>
        </div>
      </div>
      {add.error && !hasFieldErrors && <Alert>{errorMessage(add.error)}</Alert>}
      <div>
        <Button type="submit" variant="secondary" pending={add.isPending} pendingText={ta("adding")}>
          <Plus aria-hidden="true" />
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

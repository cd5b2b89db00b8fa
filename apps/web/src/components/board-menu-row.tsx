"use client";
// One bouquet in the menu table: price, stock and "on sale" edited in place, saved per row.
// Fields the owner has not touched follow the server (stock also moves when orders are accepted),
// so saving a new price does not write back a stock figure that was stale on screen.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Switch } from "~/components/ui/switch";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { useLocalizedName } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { checkPrice, checkStock, checkTierPrices, parseWhole, serverFieldErrors, useBouquetErrorText, type BouquetErrors } from "./board-bouquet-rules";
import type { MenuBouquet } from "./board-labels";
import { BoardBouquetTexts } from "./board-bouquet-texts";

// W4: deluxe and premium prices ("" = the size is not offered).
type Draft = { priceWon: string; stock: string; active: boolean; deluxePriceWon: string; premiumPriceWon: string };

const fromServer = (b: MenuBouquet): Draft => ({
  priceWon: String(b.priceWon),
  stock: String(b.stock),
  active: b.active,
  deluxePriceWon: b.deluxePriceWon == null ? "" : String(b.deluxePriceWon),
  premiumPriceWon: b.premiumPriceWon == null ? "" : String(b.premiumPriceWon),
});
const tierValue = (text: string) => (text.trim() === "" ? null : parseWhole(text));

export function BoardMenuRow({ bouquet }: { bouquet: MenuBouquet }) {
  const t = useTranslations("menuEditor.row");
  const tsz = useTranslations("sizes");
  const nameOf = useLocalizedName();
  const errorText = useBouquetErrorText();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => fromServer(bouquet));
  const [errors, setErrors] = useState<BouquetErrors>({});
  const [saved, setSaved] = useState(false);
  const base = useRef<Draft>(fromServer(bouquet));
  const rowRef = useRef<HTMLTableRowElement>(null);
  const name = nameOf(bouquet);

  const server = fromServer(bouquet);
  useEffect(() => {
    const before = base.current;
    base.current = server;
    setDraft((d) => ({
      priceWon: d.priceWon === before.priceWon ? server.priceWon : d.priceWon,
      stock: d.stock === before.stock ? server.stock : d.stock,
      active: d.active === before.active ? server.active : d.active,
      deluxePriceWon: d.deluxePriceWon === before.deluxePriceWon ? server.deluxePriceWon : d.deluxePriceWon,
      premiumPriceWon: d.premiumPriceWon === before.premiumPriceWon ? server.premiumPriceWon : d.premiumPriceWon,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the server values only
  }, [server.priceWon, server.stock, server.active, server.deluxePriceWon, server.premiumPriceWon]);

  const dirty =
    draft.priceWon !== server.priceWon ||
    draft.stock !== server.stock ||
    draft.active !== server.active ||
    draft.deluxePriceWon !== server.deluxePriceWon ||
    draft.premiumPriceWon !== server.premiumPriceWon;

  const save = useMutation(
    trpc.store.updateBouquet.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.store.menu.queryKey({ storeId: bouquet.storeId }) });
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    }),
  );

  function edit(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
    if (save.error) save.reset();
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: BouquetErrors = { priceWon: checkPrice(draft.priceWon), stock: checkStock(draft.stock), ...checkTierPrices(draft.priceWon, draft.deluxePriceWon, draft.premiumPriceWon) };
    setErrors(next);
    setSaved(false);
    if (Object.values(next).some(Boolean)) {
      rowRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    // Only what changed is sent: the update is partial, so a stale figure never overwrites a moved one.
    save.mutate({
      bouquetId: bouquet.id,
      ...(draft.priceWon !== server.priceWon ? { priceWon: parseWhole(draft.priceWon) } : {}),
      ...(draft.stock !== server.stock ? { stock: parseWhole(draft.stock) } : {}),
      ...(draft.active !== server.active ? { active: draft.active } : {}),
      ...(draft.deluxePriceWon !== server.deluxePriceWon ? { deluxePriceWon: tierValue(draft.deluxePriceWon) } : {}),
      ...(draft.premiumPriceWon !== server.premiumPriceWon ? { premiumPriceWon: tierValue(draft.premiumPriceWon) } : {}),
    });
  }

  const formError = save.error && !Object.values(errors).some(Boolean) ? errorMessage(save.error) : null;
  const outOfStock = draft.stock.trim() === "0";

  return (
    <tr ref={rowRef} data-dirty={dirty || undefined} data-testid="menu-bouquet" data-bouquet-id={bouquet.id} className={cn("border-b border-line last:border-b-0", dirty && "bg-warning-50/60")}>
      <th scope="row" className="px-4 py-3 text-left align-top font-normal">
        <span className="block font-bold">{name}</span>
        {/* W5: the other language's texts are edited here, not shown: a page speaks one language. */}
        <BoardBouquetTexts bouquet={bouquet} label={name} />
      </th>
      <td className="px-3 py-3 align-top">
        <CellInput form={formId} label={t("priceOf", { name })} prefix="₩" value={draft.priceWon} onChange={(v) => edit({ priceWon: v })} error={errorText("priceWon", errors.priceWon)} />
      </td>
      <td className="px-3 py-3 align-top">
        <CellInput form={formId} label={t("stockOf", { name })} value={draft.stock} onChange={(v) => edit({ stock: v })} error={errorText("stock", errors.stock)} narrow />
        {outOfStock && !errors.stock && <span className="mt-1 block text-xs font-semibold text-warning-800">{t("soldOut")}</span>}
      </td>
      <td className="px-3 py-3 align-top" data-testid="menu-sizes">
        <div className="grid gap-1.5">
          <CellInput form={formId} label={t("sizePriceOf", { size: tsz("DELUXE"), name })} prefix="₩" placeholder={tsz("none")} value={draft.deluxePriceWon} onChange={(v) => edit({ deluxePriceWon: v })} error={errorText("deluxePriceWon", errors.deluxePriceWon)} />
          <CellInput form={formId} label={t("sizePriceOf", { size: tsz("PREMIUM"), name })} prefix="₩" placeholder={tsz("none")} value={draft.premiumPriceWon} onChange={(v) => edit({ premiumPriceWon: v })} error={errorText("premiumPriceWon", errors.premiumPriceWon)} />
        </div>
      </td>
      <OnSaleCell name={name} active={draft.active} onChange={(active) => edit({ active })} className="px-3" />
      <SaveCell formId={formId} onSubmit={submit} name={name} dirty={dirty} pending={save.isPending} saved={saved} formError={formError} className="px-4" />
    </tr>
  );
}

/** A menu row's "on sale" switch (a bouquet's or an add-on's), in its table cell. */
export function OnSaleCell({ name, active, onChange, className }: { name: string; active: boolean; onChange: (active: boolean) => void; className: string }) {
  const t = useTranslations("menuEditor.row");
  return (
    <td className={cn("py-3 align-top", className)}>
      <label className="inline-flex min-h-11 cursor-pointer items-center gap-2">
        <Switch checked={active} onCheckedChange={onChange} aria-label={t("onSaleOf", { name })} />
        <span aria-hidden="true" className={cn("text-sm font-semibold", active ? "text-leaf-700" : "text-muted")}>
          {active ? t("onSale") : t("hidden")}
        </span>
      </label>
    </td>
  );
}

/** A menu row's Save, its saved / unsaved state and its error, in its table cell; the row's inputs belong to its form. */
export function SaveCell(p: {
  formId: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  name: string;
  dirty: boolean;
  pending: boolean;
  saved: boolean;
  formError: string | null | undefined;
  className: string;
}) {
  const t = useTranslations("menuEditor.row");
  return (
    <td className={cn("py-3 align-top", p.className)}>
      <form id={p.formId} onSubmit={p.onSubmit} noValidate className="grid justify-items-start gap-1">
        <Button type="submit" size="sm" variant={p.dirty ? "primary" : "secondary"} pending={p.pending} pendingText={t("saving")} aria-label={t("saveAria", { name: p.name })}>
          {t("save")}
        </Button>
        <span role="status" className={cn("text-xs font-semibold", p.dirty ? "text-warning-800" : "text-leaf-700")}>
          {p.saved && !p.dirty ? t("saved") : p.dirty ? t("unsaved") : ""}
        </span>
        {p.formError && (
          <span role="alert" className="text-xs font-semibold text-danger-700">
            {p.formError}
          </span>
        )}
      </form>
    </td>
  );
}

export function CellInput({
  form,
  label,
  value,
  onChange,
  error,
  prefix,
  narrow = false,
  placeholder,
}: {
  form: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  prefix?: string;
  narrow?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className={cn("relative", narrow ? "w-24" : "w-36")}>
        {prefix && (
          <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted">
            {prefix}
          </span>
        )}
        <Input
          id={id}
          form={form}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cn("text-right tabular-nums", prefix && "pl-7")}
        />
      </div>
      {error && (
        <FieldError id={`${id}-error`} className="max-w-40 text-xs">
          {error}
        </FieldError>
      )}
    </div>
  );
}

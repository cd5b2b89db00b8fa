"use client";
// One bouquet in the menu table: price, stock and "on sale" edited in place, saved per row.
// Fields the owner has not touched follow the server (stock also moves when orders are accepted),
// so saving a new price does not write back a stock figure that was stale on screen.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/button";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { checkPrice, checkStock, parseWhole, serverFieldErrors, type BouquetErrors } from "./board-bouquet-rules";
import type { MenuBouquet } from "./board-labels";
import styles from "./board-menu.module.css";

type Draft = { priceWon: string; stock: string; active: boolean };

const fromServer = (b: MenuBouquet): Draft => ({ priceWon: String(b.priceWon), stock: String(b.stock), active: b.active });

export function BoardMenuRow({ bouquet }: { bouquet: MenuBouquet }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => fromServer(bouquet));
  const [errors, setErrors] = useState<BouquetErrors>({});
  const [saved, setSaved] = useState(false);
  const base = useRef<Draft>(fromServer(bouquet));
  const rowRef = useRef<HTMLTableRowElement>(null);

  const server = fromServer(bouquet);
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
    const next: BouquetErrors = { priceWon: checkPrice(draft.priceWon), stock: checkStock(draft.stock) };
    setErrors(next);
    setSaved(false);
    if (next.priceWon || next.stock) {
      rowRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    save.mutate({
      bouquetId: bouquet.id,
      name: bouquet.name,
      nameKo: bouquet.nameKo,
      description: bouquet.description,
      priceWon: parseWhole(draft.priceWon),
      stock: parseWhole(draft.stock),
      active: draft.active,
    });
  }

  const formError = save.error && !errors.priceWon && !errors.stock ? readError(save.error).message : null;

  return (
    <tr ref={rowRef} className={styles.row} data-dirty={dirty || undefined} data-testid="menu-bouquet" data-bouquet-id={bouquet.id}>
      <th scope="row" className={styles.nameCell}>
        <span className={styles.name}>{bouquet.name}</span>
        <span className="ko" lang="ko">
          {bouquet.nameKo}
        </span>
      </th>
      <td>
        <CellInput
          form={formId}
          label={`Price of ${bouquet.name}, in won`}
          prefix="₩"
          value={draft.priceWon}
          onChange={(v) => edit({ priceWon: v })}
          error={errors.priceWon}
        />
      </td>
      <td>
        <CellInput
          form={formId}
          label={`Stock of ${bouquet.name}`}
          value={draft.stock}
          onChange={(v) => edit({ stock: v })}
          error={errors.stock}
          narrow
        />
      </td>
      <td>
        <label className={styles.switch}>
          <input
            form={formId}
            type="checkbox"
            role="switch"
            checked={draft.active}
            onChange={(e) => edit({ active: e.target.checked })}
            aria-label={`${bouquet.name} on sale`}
          />
          <span aria-hidden="true">{draft.active ? "On sale" : "Hidden"}</span>
        </label>
      </td>
      <td>
        <form id={formId} onSubmit={submit} noValidate className={styles.saveCell}>
          <Button type="submit" size="sm" variant={dirty ? "primary" : "secondary"} pending={save.isPending} pendingText="Saving…" aria-label={`Save ${bouquet.name}`}>
            Save
          </Button>
          <span role="status" className={styles.rowStatus}>
            {saved && !dirty ? "Saved" : dirty ? "Unsaved changes" : ""}
          </span>
          {formError && (
            <span role="alert" className={styles.rowError}>
              {formError}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}

function CellInput({
  form,
  label,
  value,
  onChange,
  error,
  prefix,
  narrow = false,
}: {
  form: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  prefix?: string;
  narrow?: boolean;
}) {
  const id = useId();
  return (
    <div className={styles.cellField}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className={styles.affix} data-narrow={narrow || undefined}>
        {prefix && (
          <span className={styles.prefix} aria-hidden="true">
            {prefix}
          </span>
        )}
        <input
          id={id}
          form={form}
          className={`input ${styles.cellInput}`}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";
// "Add bouquet": a new item on the store's menu, on sale straight away unless unticked.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { Field, TextAreaField } from "~/components/field";
import { useToast } from "~/components/toast";
import { focusFirstInvalid } from "~/lib/form-errors";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import {
  checkNames,
  checkPrice,
  checkStock,
  DESCRIPTION_MAX,
  NAME_MAX,
  parseWhole,
  serverFieldErrors,
  type BouquetErrors,
} from "./board-bouquet-rules";
import styles from "./board-menu.module.css";

const EMPTY = { name: "", nameKo: "", description: "", priceWon: "", stock: "", active: true };

export function BoardAddBouquetForm({ storeId, storeName }: { storeId: string; storeName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<BouquetErrors>({});

  const add = useMutation(
    trpc.store.addBouquet.mutationOptions({
      onSuccess: async (_res, input) => {
        toast.show(`${input.name} added to ${storeName}`);
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

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setV((x) => ({ ...x, [key]: e.target.value }));
    if (errors[key as keyof BouquetErrors]) setErrors((x) => ({ ...x, [key]: undefined }));
  };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: BouquetErrors = { ...checkNames(v.name, v.nameKo, v.description), priceWon: checkPrice(v.priceWon), stock: checkStock(v.stock) };
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
    });
  }

  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <form ref={formRef} className={`form ${styles.addForm}`} onSubmit={submit} noValidate aria-labelledby="add-bouquet-title">
      <h2 id="add-bouquet-title" className="panel__title">
        Add bouquet
      </h2>
      <div className="form-row form-row--2">
        <Field label="Name (English)" value={v.name} onChange={set("name")} error={errors.name} maxLength={NAME_MAX} autoComplete="off" required />
        <Field label="Name (Korean)" lang="ko" value={v.nameKo} onChange={set("nameKo")} error={errors.nameKo} maxLength={NAME_MAX} autoComplete="off" required />
      </div>
      <TextAreaField
        label={
          <>
            Description <span className="field__optional">(optional)</span>
          </>
        }
        value={v.description}
        onChange={set("description")}
        error={errors.description}
        maxLength={DESCRIPTION_MAX}
        rows={2}
      />
      <div className={styles.addNumbers}>
        <Field label="Price (₩)" inputMode="numeric" placeholder="45000" value={v.priceWon} onChange={set("priceWon")} error={errors.priceWon} autoComplete="off" required />
        <Field label="Stock" inputMode="numeric" placeholder="10" value={v.stock} onChange={set("stock")} error={errors.stock} autoComplete="off" required />
        <label className={styles.addActive}>
          <input type="checkbox" checked={v.active} onChange={(e) => setV((x) => ({ ...x, active: e.target.checked }))} />
          On sale now
        </label>
      </div>
      {add.error && !hasFieldErrors && (
        <Alert>
          <p>{readError(add.error).message}</p>
        </Alert>
      )}
      <div>
        <Button type="submit" pending={add.isPending} pendingText="Adding…">
          Add bouquet
        </Button>
      </div>
    </form>
  );
}

"use client";
// The customer's email settings (X1): the language of the emails, and each kind on or off —
// receipts stay on (shown, not switchable). Every change is saved at once.
import type { EmailKind, OptionalEmailKind } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { LoadErrorAlert } from "~/components/ui/load-error-alert";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { Switch } from "~/components/ui/switch";
import { useErrorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

type Optional = OptionalEmailKind;
/** The kinds a sender can receive today, in the order of an order's life, and whether each always goes (the page reads them from the domain). */
export type ShownEmailKind = { kind: EmailKind; receipt: boolean };
type SentKind = EmailKind;
const LANGUAGES = [
  { value: "ko", label: "한국어" },
  { value: "en", label: "English" },
] as const;

export function EmailSettings({ kinds }: { kinds: readonly ShownEmailKind[] }) {
  const t = useTranslations("messageSettings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const id = useId();
  const prefs = useQuery(trpc.notification.emailPreferences.queryOptions());
  const save = useMutation(
    trpc.notification.setEmailPreferences.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notification.emailPreferences.queryKey(), data),
    }),
  );
  const current = save.isPending ? save.variables : prefs.data;

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2">
        <Link href="/mypage" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("lead")} />
      {prefs.isError && !prefs.data ? (
        <LoadErrorAlert title={t("loadError")} retryLabel={t("retry")} error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : !current ? (
        <Loading label={t("loading")} className="grid gap-3">
          <Skeleton className="h-24" />
          <Skeleton className="h-72" />
        </Loading>
      ) : (
        <div className="grid gap-4" data-testid="email-settings">
          <fieldset className="m-0 grid gap-2 rounded-2xl border border-line bg-surface p-4">
            <legend className="px-1 text-lg font-bold">{t("languageTitle")}</legend>
            <div className="flex flex-wrap gap-4">
              {LANGUAGES.map((l) => (
                <label key={l.value} className="inline-flex min-h-10 items-center gap-2 font-semibold" lang={l.value}>
                  <input
                    type="radio"
                    name={`${id}-locale`}
                    value={l.value}
                    checked={current.locale === l.value}
                    disabled={save.isPending}
                    onChange={() =>
                      save.mutate({
                        locale: l.value,
                        optedOut: current.optedOut as Optional[],
                      })
                    }
                    className="size-5 accent-brand-600"
                  />
                  {l.label}
                </label>
              ))}
            </div>
            <p className="m-0 text-sm text-muted">{t("languageHint")}</p>
          </fieldset>

          <section aria-labelledby={`${id}-kinds`} className="grid gap-1 rounded-2xl border border-line bg-surface p-4">
            <h2 id={`${id}-kinds`} className="m-0 mb-1 text-lg font-bold">
              {t("kindsTitle")}
            </h2>
            <ul className="m-0 grid list-none gap-0 p-0">
              {kinds.map(({ kind, receipt }) => {
                const on = receipt || !(current.optedOut as string[]).includes(kind);
                const switchId = `${id}-${kind}`;
                return (
                  <li key={kind} className="flex min-h-12 items-center justify-between gap-4 border-b border-line py-2 last:border-b-0">
                    <label htmlFor={switchId} className="font-semibold">
                      {/* A shown kind's words are checked by messages.test.ts (the kinds come from the domain). */}
                      {t(`kind.${kind}` as `kind.${SentKind}`)}
                      {receipt && <span className="block text-sm font-normal text-muted">{t("always")}</span>}
                    </label>
                    <Switch
                      id={switchId}
                      data-kind={kind}
                      checked={on}
                      disabled={receipt || save.isPending}
                      aria-describedby={receipt ? `${id}-receipts` : undefined}
                      onCheckedChange={(v) => {
                        const rest = (current.optedOut as Optional[]).filter((k) => k !== kind);
                        save.mutate({
                          locale: current.locale,
                          optedOut: v ? rest : [...rest, kind as Optional],
                        });
                      }}
                    />
                  </li>
                );
              })}
            </ul>
            <p id={`${id}-receipts`} className="m-0 mt-1 text-sm text-muted">
              {t("receiptHint")}
            </p>
          </section>
          <p role="status" aria-live="polite" className="m-0 min-h-6 text-sm font-semibold text-muted">
            {save.isPending ? t("saving") : save.isSuccess ? t("saved") : ""}
          </p>
          {save.error && <Alert>{errorMessage(save.error)}</Alert>}
        </div>
      )}
    </div>
  );
}

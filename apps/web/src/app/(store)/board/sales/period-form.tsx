// The shop and the period of the sales page: a GET form, so choosing needs no JavaScript.
import { addDays, todayInSeoul } from "@bloom/domain";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "~/components/ui/button";
import { Input, NativeSelect } from "~/components/ui/input";

const label = "text-sm font-semibold text-ink";

export async function PeriodForm({ stores, storeId, from, to }: { stores: { id: string; name: string }[]; storeId: string; from: string; to: string }) {
  const t = await getTranslations("sales.form");
  const today = todayInSeoul();
  return (
    <form method="get" action="/board/sales" className="grid gap-3 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5">
      <fieldset className="m-0 grid gap-3 border-0 p-0 sm:grid-cols-[minmax(12rem,1.5fr)_1fr_1fr_auto] sm:items-end">
        <legend className="sr-only">{t("legend")}</legend>
        <div className="grid gap-1.5">
          <label htmlFor="sales-store" className={label}>
            {t("store")}
          </label>
          <NativeSelect id="sales-store" name="store" defaultValue={storeId}>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="sales-from" className={label}>
            {t("from")}
          </label>
          <Input id="sales-from" name="from" type="date" defaultValue={from} max={today} />
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="sales-to" className={label}>
            {t("to")}
          </label>
          <Input id="sales-to" name="to" type="date" defaultValue={to} />
        </div>
        <button type="submit" className={buttonVariants({ variant: "primary" })}>
          {t("show")}
        </button>
      </fieldset>
      <nav aria-label={t("quick")} className="flex flex-wrap gap-2 text-sm">
        {[7, 30, 90].map((days) => (
          <Link key={days} href={`/board/sales?store=${storeId}&from=${addDays(today, -(days - 1))}&to=${today}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("lastDays", { days })}
          </Link>
        ))}
      </nav>
    </form>
  );
}

"use client";
// The store list's search box and area chips (F1). The list itself is rendered on the server from
// the address (?q=…&area=…); this island only changes the address: as the customer types (after a
// pause), on an area chip, or on Enter. Without JavaScript the form still works: a GET to /stores,
// each chip a submit button carrying its area.
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/cn";
import { useAreaName } from "~/lib/localized";
import { useDebouncedValue } from "~/lib/use-debounced-value";

type Search = { q: string; area: string };

export function StoreSearch({ areas, q: urlQ, area: urlArea, status, children }: { areas: string[]; q: string; area: string; status: string; children: ReactNode }) {
  const t = useTranslations("stores");
  const areaOf = useAreaName();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(urlQ);
  const [area, setArea] = useState(urlArea);
  /** The search this island last put in the address. */
  const asked = useRef<Search | null>(null);

  const go = (next: Search) => {
    const query = new URLSearchParams();
    if (next.q.trim()) query.set("q", next.q.trim());
    if (next.area) query.set("area", next.area);
    asked.current = { q: next.q.trim(), area: next.area };
    const href = query.size ? `/stores?${query}` : "/stores";
    startTransition(() => router.replace(href, { scroll: false }));
  };

  // Typing: the address follows once the typing stops.
  const typed = useDebouncedValue(q, 250);
  useEffect(() => {
    if (typed.trim() !== (asked.current?.q ?? urlQ)) go({ q: typed, area });
    // Only a new pause in the typing asks again; the chips and Enter ask at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  // The address changed from outside this island ("Clear search", back and forward): show it.
  useEffect(() => {
    const mine = asked.current;
    if (mine && mine.q === urlQ && mine.area === urlArea) return;
    asked.current = null;
    setQ(urlQ);
    setArea(urlArea);
  }, [urlQ, urlArea]);

  const chip = (value: string, label: string) => (
    <button
      key={value || "all"}
      type="submit"
      name="area"
      value={value}
      aria-pressed={area === value}
      onClick={(e) => {
        e.preventDefault();
        setArea(value);
        go({ q, area: value });
      }}
      className={cn(
        "min-h-10 shrink-0 rounded-full border px-4 text-sm font-semibold transition-colors",
        area === value ? "border-brand-600 bg-brand-600 text-white" : "border-line-strong bg-surface text-ink hover:bg-surface-2",
      )}
    >
      {label}
    </button>
  );

  return (
    <>
      <form
        role="search"
        aria-label={t("searchLabel")}
        action="/stores"
        method="get"
        className="mb-5 grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q, area });
        }}
      >
        {/* The form's default button: Enter submits the search with the chosen area (an area chip, first otherwise, would be "clicked" by Enter). */}
        <button type="submit" name="area" value={area} hidden />
        <div className="grid gap-1.5">
          <Label htmlFor="store-search" className="sr-only">
            {t("searchLabel")}
          </Label>
          <div className="relative">
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-muted" />
            <Input
              id="store-search"
              type="search"
              name="q"
              placeholder={t("searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
              maxLength={60}
              className="min-h-12 rounded-full pl-11"
            />
          </div>
        </div>
        <div role="group" aria-label={t("areaFilter")} className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
          {chip("", t("allAreas"))}
          {areas.map((a) => chip(a, areaOf(a)))}
        </div>
      </form>
      <p className="mb-3 text-sm font-semibold text-muted" role="status" aria-live="polite">
        {pending ? t("searching") : status}
      </p>
      <div aria-busy={pending || undefined} className={cn("transition-opacity", pending && "opacity-60")}>
        {children}
      </div>
    </>
  );
}

"use client";
// The public store list with a search box and an area filter (F1).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { Field, SelectField } from "~/components/field";
import { pluralize } from "~/lib/format";
import { readError } from "~/lib/trpc-error";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";
import { StoreCard } from "./store-card";

export function StoreBrowser() {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [area, setArea] = useState("");
  const query = useDebouncedValue(q.trim(), 250);

  const filtered = Boolean(query || area);
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const stores = useQuery({
    ...trpc.catalog.stores.queryOptions({ q: query || undefined, area: area || undefined }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Flower shops</h1>
          <p className="muted">Bouquets from local florists, delivered to your door.</p>
        </div>
      </div>

      <form role="search" aria-label="Stores" className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field
          id="store-search"
          label="Search stores"
          type="search"
          placeholder="Shop name, e.g. Hongdae or 꽃집"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          maxLength={60}
        />
        <SelectField id="store-area" label="Area" value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">All areas</option>
          {areas.data?.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
      </form>

      {stores.isError && !stores.data ? (
        <Alert title="We could not load the stores">
          <p>{readError(stores.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void stores.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !stores.data ? (
        <div className="grid grid--3" aria-busy="true" aria-label="Loading stores">
          {[0, 1, 2].map((i) => (
            <div key={i} className="skeleton" style={{ minHeight: "18rem" }} />
          ))}
        </div>
      ) : (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {stores.isFetching && stores.isPlaceholderData ? "Searching…" : pluralize(stores.data.length, "store")}
            {filtered && !stores.isPlaceholderData ? " found" : ""}
          </p>
          {stores.data.length === 0 ? (
            <EmptyState
              title="No shops match your search"
              action={
                filtered ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setQ("");
                      setArea("");
                    }}
                  >
                    Clear search
                  </Button>
                ) : undefined
              }
            >
              <p>Try another name or area.</p>
            </EmptyState>
          ) : (
            <ul className="grid grid--3" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {stores.data.map((s) => (
                <li key={s.id} style={{ display: "grid" }}>
                  <StoreCard store={s} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

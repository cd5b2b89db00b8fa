"use client";
// A module fetched when first needed, then kept. The forms' zod schemas (the same the server
// applies) come this way: loaded when the visitor starts filling the form in (or at the latest on
// submit), so zod is not part of the page's first load (P1: 31 KiB gzip).
export type LazyModule<T> = { readonly current: T | undefined; load(): Promise<T> };

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get current() {
      return value;
    },
    load() {
      pending ??= load().then(
        (m) => (value = m),
        (err: unknown) => {
          pending = undefined; // a failed fetch (offline) is tried again on the next need
          throw err;
        },
      );
      return pending;
    },
  };
}

"use client";
// False on the server and during hydration, true afterwards: for views that depend on
// browser-only state (the cart in localStorage) and would otherwise flash an empty state.
import { useSyncExternalStore } from "react";

const noop = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

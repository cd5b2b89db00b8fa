"use client";
// Short-lived results ("Added to cart", "Order accepted"): the queue lives here; the toasts are drawn
// by <ToastStack> (Radix Toast, toast-stack.tsx), loaded with the first toast rather than with every
// page (P1: 12 KiB gzip that most visits never show). At most three stay on screen so a burst of
// clicks does not bury the page. A toast belongs to the page it was shown on: moving to another
// page (e.g. from the cart to the order page after paying) closes it, so "Added to cart" does not
// follow the customer.
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Toast, Tone } from "./toast-stack";

type ToastApi = { show: (message: string, tone?: Tone) => void };

const ToastContext = createContext<ToastApi | null>(null);
const ToastStack = dynamic(() => import("./toast-stack").then((m) => m.ToastStack), { ssr: false });

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const pathname = usePathname();
  const pathnameRef = useRef(pathname);
  /** The page each toast was shown on (by id). */
  const shownOn = useRef(new Map<number, string>());

  const show = useCallback((message: string, tone: Tone = "success") => {
    const id = nextId.current++;
    shownOn.current.set(id, pathnameRef.current);
    setToasts((all) => [...all.filter((x) => x.open).slice(-2), { id, message, tone, open: true }]);
  }, []);

  // On navigation, close the toasts shown on another page (a toast shown just before a push to the
  // new page was recorded with the old path too, and is closed with it: it was about that page).
  useEffect(() => {
    pathnameRef.current = pathname;
    setToasts((all) => {
      if (!all.some((x) => x.open && shownOn.current.get(x.id) !== pathname)) return all;
      return all.map((x) => (x.open && shownOn.current.get(x.id) !== pathname ? { ...x, open: false } : x));
    });
  }, [pathname]);
  const close = useCallback((id: number) => setToasts((all) => all.map((x) => (x.id === id ? { ...x, open: false } : x))), []);
  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      {toasts.length > 0 && <ToastStack toasts={toasts} onClose={close} />}
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

"use client";
// Short-lived results ("Added to cart", "Order accepted"): the queue lives here; the toasts are drawn
// by <ToastStack> (Radix Toast, toast-stack.tsx), loaded with the first toast rather than with every
// page (P1: 12 KiB gzip that most visits never show). At most three stay on screen so a burst of
// clicks does not bury the page.
import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { Toast, Tone } from "./toast-stack";

type ToastApi = { show: (message: string, tone?: Tone) => void };

const ToastContext = createContext<ToastApi | null>(null);
const ToastStack = dynamic(() => import("./toast-stack").then((m) => m.ToastStack), { ssr: false });

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const show = useCallback((message: string, tone: Tone = "success") => {
    const id = nextId.current++;
    setToasts((all) => [...all.filter((x) => x.open).slice(-2), { id, message, tone, open: true }]);
  }, []);
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

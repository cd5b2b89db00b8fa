"use client";
// The toasts themselves, on Radix Toast: announced politely by screen readers without moving focus,
// paused while hovered or focused, swipe to dismiss, F8 jumps to them. Loaded by <ToastProvider>
// (toast.tsx) when the first toast is shown.
import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "~/lib/cn";

export type Tone = "success" | "info" | "error";
export type Toast = { id: number; message: string; tone: Tone; open: boolean };

const DURATION_MS = 4500;

const ICON: Record<Tone, typeof Info> = { success: CircleCheck, info: Info, error: CircleAlert };
const TONE: Record<Tone, string> = {
  success: "[&>svg]:text-leaf-300",
  info: "[&>svg]:text-info-100",
  error: "[&>svg]:text-danger-100",
};

export function ToastStack({ toasts, onClose }: { toasts: Toast[]; onClose: (id: number) => void }) {
  const t = useTranslations("common");
  return (
    <ToastPrimitive.Provider duration={DURATION_MS} label={t("notification")} swipeDirection="right">
      {toasts.map((toast) => {
        const Icon = ICON[toast.tone];
        return (
          <ToastPrimitive.Root
            key={toast.id}
            open={toast.open}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) onClose(toast.id);
            }}
            className={cn(
              "pointer-events-auto flex w-full items-start gap-3 rounded-2xl bg-ink px-4 py-3 text-white shadow-lift data-[state=open]:motion-safe:animate-toast-in data-[swipe=end]:motion-safe:animate-fade-out data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)]",
              TONE[toast.tone],
            )}
          >
            <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <ToastPrimitive.Description className="m-0 flex-1 text-sm font-medium">{toast.message}</ToastPrimitive.Description>
            <ToastPrimitive.Close className="-my-1 -mr-2 grid size-8 shrink-0 place-items-center rounded-full text-white/80 hover:bg-white/15 hover:text-white" aria-label={t("dismiss")}>
              <X aria-hidden="true" className="size-4" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport
        label={t("notificationsRegion", { hotkey: "{hotkey}" })}
        className="pointer-events-none fixed inset-x-0 top-24 z-[60] m-0 flex list-none flex-col gap-2 p-3 sm:top-auto sm:right-2 sm:bottom-2 sm:left-auto sm:w-96"
      />
    </ToastPrimitive.Provider>
  );
}

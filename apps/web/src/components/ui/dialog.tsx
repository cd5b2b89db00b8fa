"use client";
// Modal dialogs on the browser's own <dialog> (showModal), P1: no dialog library on the pages
// that confirm or reject. The page behind is inert (focus stays inside, screen readers see only
// the dialog), Escape and a tap on the backdrop close it unless the caller blocks that while work
// is in flight, focus returns to the opener, the page behind does not scroll, and the content
// exists only while open.
import { Slot } from "@radix-ui/react-slot";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useContext, useId, useLayoutEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "~/lib/cn";

type DialogState = { open: boolean; requestClose: () => void; titleId: string; descriptionId: string };
const DialogContext = createContext<DialogState | null>(null);

function useDialog(): DialogState {
  const ctx = useContext(DialogContext);
  if (!ctx) throw new Error("Dialog parts must be inside <Dialog>");
  return ctx;
}

/** `open` is the caller's; Escape, the backdrop and the close button ask `onOpenChange(false)`. */
export function Dialog({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children: ReactNode }) {
  const titleId = useId();
  const descriptionId = useId();
  return <DialogContext.Provider value={{ open, requestClose: () => onOpenChange(false), titleId, descriptionId }}>{children}</DialogContext.Provider>;
}

export function DialogContent({
  className,
  children,
  showClose = true,
  onOpenAutoFocus,
  ...props
}: Omit<ComponentProps<"dialog">, "open"> & { showClose?: boolean; onOpenAutoFocus?: (e: Event) => void }) {
  const t = useTranslations("common");
  const { open, requestClose, titleId, descriptionId } = useDialog();
  const ref = useRef<HTMLDialogElement>(null);
  const autoFocus = useRef(onOpenAutoFocus);
  autoFocus.current = onOpenAutoFocus;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const focus = new Event("openautofocus", { cancelable: true });
    autoFocus.current?.(focus);
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  // Described by its description unless the caller says otherwise (aria-describedby: undefined).
  const describedBy = "aria-describedby" in props ? props["aria-describedby"] : descriptionId;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      {...props}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        // The caller decides (it may be busy): the browser does not close the dialog on its own.
        if (e.key === "Escape") {
          e.preventDefault();
          requestClose();
        }
        props.onKeyDown?.(e);
      }}
      onCancel={(e) => {
        e.preventDefault();
        requestClose();
      }}
      // The dialog box has no padding of its own, so a click on the dialog itself is on the backdrop.
      onClick={(e) => {
        if (e.target === e.currentTarget) requestClose();
      }}
      className={cn(
        "m-0 mt-auto w-full max-w-none overflow-y-auto rounded-t-3xl border border-line bg-surface p-0 text-ink shadow-lift backdrop:bg-ink/45 backdrop:backdrop-blur-[2px]",
        "max-h-[92dvh] sm:m-auto sm:w-[min(32rem,calc(100vw-2rem))] sm:rounded-3xl",
        "open:motion-safe:animate-sheet-in sm:open:motion-safe:animate-pop-in",
      )}
    >
      {open && (
        <div className={cn("relative grid gap-4 p-5 pb-[max(1.25rem,env(safe-area-inset-bottom))] sm:p-6", className)}>
          {children}
          {showClose && (
            <button type="button" onClick={requestClose} className="absolute top-3.5 right-3.5 grid size-10 place-items-center rounded-full text-muted hover:bg-surface-2 hover:text-ink">
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">{t("close")}</span>
            </button>
          )}
        </div>
      )}
    </dialog>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<"h2">) {
  const { titleId } = useDialog();
  return <h2 id={titleId} className={cn("m-0 pr-10 text-xl font-bold", className)} {...props} />;
}

export function DialogDescription({ className, asChild = false, ...props }: ComponentProps<"p"> & { asChild?: boolean }) {
  const { descriptionId } = useDialog();
  const Comp = asChild ? Slot : "p";
  return <Comp id={descriptionId} className={cn("m-0 text-muted", className)} {...props} />;
}

export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("mt-1 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}>{children}</div>;
}

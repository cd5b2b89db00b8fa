"use client";
// A modal confirm step on the native <dialog>: it traps focus, closes on Escape and returns focus
// to the opener. Focus starts on the safe choice so Enter never confirms by accident.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Go back",
  confirmVariant = "primary",
  pending = false,
  pendingText,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
  pending?: boolean;
  pendingText?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
    >
      {/* Content exists only while open, so its words never match text searches on the page. */}
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children && (
            <div id={bodyId} className="dialog__body">
              {children}
            </div>
          )}
          <div className="dialog__actions">
            <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={pending}>
              {cancelLabel}
            </Button>
            <Button variant={confirmVariant} onClick={onConfirm} pending={pending} pendingText={pendingText}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

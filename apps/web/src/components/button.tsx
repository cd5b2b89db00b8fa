// Buttons and button-styled links: one look for every action in the app.
import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "md" | "sm" | "lg";

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", block = false, extra = ""): string {
  return ["btn", `btn--${variant}`, size !== "md" && `btn--${size}`, block && "btn--block", extra].filter(Boolean).join(" ");
}

type Props = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  /** While true the button is disabled, busy for assistive tech, and shows pendingText. */
  pending?: boolean;
  pendingText?: string;
};

export function Button({ variant, size, block, pending = false, pendingText, className, disabled, children, type = "button", ...rest }: Props) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size, block, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

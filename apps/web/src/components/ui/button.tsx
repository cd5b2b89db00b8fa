// Buttons and button-styled links: one look for every action (shadcn/ui style, cva variants).
// `asChild` renders the styles on the child (a <Link>), so links that act like buttons match.
import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";
import { Spinner } from "./spinner";

export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-full font-semibold whitespace-nowrap no-underline transition-colors select-none disabled:cursor-not-allowed disabled:opacity-55 aria-disabled:cursor-not-allowed aria-disabled:opacity-55 [&_svg]:size-[1.15em] [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 hover:text-white active:bg-brand-800",
        secondary: "border border-line-strong bg-surface text-ink hover:bg-surface-2 hover:text-ink",
        soft: "bg-brand-50 text-brand-800 hover:bg-brand-100 hover:text-brand-900",
        ghost: "text-ink hover:bg-surface-2 hover:text-ink",
        danger: "bg-danger-700 text-white shadow-sm hover:bg-danger-800 hover:text-white",
        success: "bg-leaf-700 text-white shadow-sm hover:bg-leaf-800 hover:text-white",
        link: "h-auto rounded-sm px-0 text-brand-700 underline underline-offset-2 hover:text-brand-800",
      },
      size: {
        sm: "min-h-9 px-3.5 text-sm",
        md: "min-h-11 px-5 text-base",
        lg: "min-h-13 px-6 text-lg",
        /** The rider's thumb-sized actions. */
        xl: "min-h-15 px-6 text-lg",
        icon: "size-11 p-0",
        "icon-sm": "size-9 p-0",
      },
      block: { true: "flex w-full", false: "" },
    },
    compoundVariants: [{ variant: "link", className: "min-h-0 px-0" }],
    defaultVariants: { variant: "primary", size: "md", block: false },
  },
);

export type ButtonProps = ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    asChild?: boolean;
    /** While true the button is disabled, busy for assistive tech, and shows pendingText. */
    pending?: boolean;
    pendingText?: string;
  };

export function Button({ className, variant, size, block, asChild = false, pending = false, pendingText, disabled, children, type, ...rest }: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size, block }), className);
  if (asChild) {
    return (
      <Slot className={classes} {...rest}>
        {children}
      </Slot>
    );
  }
  return (
    <button type={type ?? "button"} className={classes} disabled={disabled || pending} aria-busy={pending || undefined} {...rest}>
      {pending && <Spinner />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

"use client";
// An on/off switch (Radix Switch: role="switch", Space toggles). Label it with aria-label or a <label>.
import * as SwitchPrimitive from "@radix-ui/react-switch";
import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";

export function Switch({ className, size = "md", ...props }: ComponentProps<typeof SwitchPrimitive.Root> & { size?: "sm" | "md" }) {
  return (
    <SwitchPrimitive.Root
      className={cn(
        "relative inline-flex shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent bg-line-strong transition-colors data-[state=checked]:bg-leaf-700 disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "h-6 w-10" : "h-7 w-12",
        className,
      )}
      {...props}
    >
      <SwitchPrimitive.Thumb
        className={cn(
          "pointer-events-none block rounded-full bg-white shadow-sm transition-transform",
          size === "sm" ? "size-5 data-[state=checked]:translate-x-4" : "size-6 data-[state=checked]:translate-x-5",
        )}
      />
    </SwitchPrimitive.Root>
  );
}

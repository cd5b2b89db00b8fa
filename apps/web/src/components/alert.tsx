// An inline message box. Errors use role="alert" so they are announced the moment they appear;
// other tones are polite status messages.
import type { ReactNode } from "react";

export type AlertTone = "error" | "info" | "success" | "warning";

export function Alert({
  tone = "error",
  title,
  children,
  id,
  className,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  className?: string;
}) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={["alert", `alert--${tone}`, className].filter(Boolean).join(" ")}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}

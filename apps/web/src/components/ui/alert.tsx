// An inline message box. Errors use role="alert" so they are announced the moment they appear;
// other tones are polite status messages.
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "~/lib/cn";

export type AlertTone = "error" | "info" | "success" | "warning";

const TONE: Record<AlertTone, { box: string; Icon: typeof Info }> = {
  error: { box: "border-danger-100 bg-danger-50 text-danger-800", Icon: CircleAlert },
  warning: { box: "border-warning-100 bg-warning-50 text-warning-800", Icon: TriangleAlert },
  success: { box: "border-leaf-100 bg-leaf-50 text-leaf-800", Icon: CircleCheck },
  info: { box: "border-info-100 bg-info-50 text-info-800", Icon: Info },
};

export function Alert({
  tone = "error",
  title,
  children,
  id,
  className,
  action,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  className?: string;
  action?: ReactNode;
}) {
  const { box, Icon } = TONE[tone];
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={cn("flex gap-3 rounded-2xl border px-4 py-3 text-sm", box, className)}>
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="grid min-w-0 flex-1 gap-1 [&_a]:font-semibold [&_a]:text-current [&_p]:m-0">
        {title && <p className="text-base font-bold">{title}</p>}
        {children}
        {action && <div className="mt-1.5 flex flex-wrap gap-2">{action}</div>}
      </div>
    </div>
  );
}

// Surfaces: a card (a thing in a list) and a panel (a section of a page with a title).
import type { ComponentProps, ReactNode } from "react";
import { cn } from "~/lib/cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-3xl border border-line bg-surface shadow-card", className)} {...props} />;
}

export function Panel({
  title,
  titleId,
  action,
  className,
  children,
  headingLevel = 2,
}: {
  title?: ReactNode;
  titleId?: string;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = (`h${headingLevel}` as const);
  return (
    <section className={cn("rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5", className)} aria-labelledby={title ? titleId : undefined}>
      {(title || action) && (
        <div className="mb-3 flex items-center justify-between gap-3">
          {title && (
            <Heading id={titleId} className="m-0 text-lg font-bold">
              {title}
            </Heading>
          )}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}

/** A page's title row: heading, a line under it, and actions on the right. */
export function PageHeader({ title, description, actions, className }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <div className={cn("mb-5 flex flex-wrap items-end justify-between gap-x-4 gap-y-3", className)}>
      <div className="min-w-0">
        <h1 className="m-0 text-2xl font-extrabold tracking-tight sm:text-3xl">{title}</h1>
        {description && <p className="mt-1 mb-0 text-muted">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

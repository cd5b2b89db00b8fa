// What a screen shows when there is nothing to list, or nothing the visitor may see.
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
  icon = "✿",
  headingLevel = 2,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: string;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className="empty-state">
      <div className="empty-state__icon" aria-hidden="true">
        {icon}
      </div>
      <Heading className="empty-state__title">{title}</Heading>
      {children && <div className="empty-state__body">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}

// What a screen shows when there is nothing to list, or nothing the visitor may see.
import { Flower2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "~/lib/cn";
import { Button } from "./button";

export function EmptyState({
  title,
  children,
  action,
  icon,
  headingLevel = 2,
  className,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  headingLevel?: 1 | 2 | 3;
  className?: string;
}) {
  const Heading = (`h${headingLevel}` as const);
  return (
    <section className={cn("mx-auto grid max-w-xl justify-items-center gap-3 rounded-3xl border border-dashed border-line-strong bg-surface/60 px-6 py-10 text-center", className)}>
      <div aria-hidden="true" className="grid size-14 place-items-center rounded-full bg-brand-50 text-brand-600 [&_svg]:size-7">
        {icon ?? <Flower2 />}
      </div>
      <Heading className="m-0 text-xl font-bold">{title}</Heading>
      {children && <div className="grid gap-1 text-muted [&_p]:m-0">{children}</div>}
      {action && <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div>}
    </section>
  );
}

/** A page whose subject does not exist (or is not the viewer's): the page's heading, and the way back. */
export function PageNotFound({ title, backHref, backLabel, children }: { title: string; backHref: string; backLabel: string; children?: ReactNode }) {
  return (
    <EmptyState
      headingLevel={1}
      title={title}
      action={
        <Button asChild>
          <Link href={backHref}>{backLabel}</Link>
        </Button>
      }
    >
      {children}
    </EmptyState>
  );
}

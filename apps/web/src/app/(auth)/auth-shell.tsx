// The frame of the sign-in and sign-up pages: one narrow column, the form card first.
import type { ReactNode } from "react";

export function AuthShell({ children }: { children: ReactNode }) {
  return <div className="mx-auto grid w-full max-w-md gap-5 pt-2 sm:pt-6">{children}</div>;
}

export function AuthCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <div className="rounded-3xl border border-line bg-surface p-5 shadow-card sm:p-7">
      <h1 className="m-0 text-2xl font-extrabold tracking-tight">{title}</h1>
      <p className="mt-1 mb-5 text-muted">{lead}</p>
      {children}
    </div>
  );
}

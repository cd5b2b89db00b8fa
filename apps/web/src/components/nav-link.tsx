"use client";
// A header link that marks the current section with aria-current="page".
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children, exact = false }: { href: string; children: ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="inline-flex min-h-10 items-center gap-1.5 rounded-full px-3.5 font-semibold whitespace-nowrap text-ink no-underline hover:bg-surface-2 hover:text-ink aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 [&_svg]:size-4"
    >
      {children}
    </Link>
  );
}

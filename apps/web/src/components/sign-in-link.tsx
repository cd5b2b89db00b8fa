"use client";
// "Sign in" that brings the visitor back to the page they were on.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function SignInLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const back = pathname && pathname !== "/" && !pathname.startsWith("/sign") ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
  return (
    <Link href={`/signin${back}`} className={className}>
      Sign in
    </Link>
  );
}

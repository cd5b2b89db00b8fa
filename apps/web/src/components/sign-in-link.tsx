"use client";
// "Sign in" that brings the visitor back to the page they were on.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function SignInLink({ className }: { className?: string }) {
  const t = useTranslations("header");
  const pathname = usePathname();
  const back = pathname && pathname !== "/" && !pathname.startsWith("/sign") ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
  return (
    <Link href={`/signin${back}`} className={className}>
      {t("signIn")}
    </Link>
  );
}

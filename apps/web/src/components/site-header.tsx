// The site header (server component): brand, the links of the signed-in role, the language
// switch, the cart and the account. On phones the links wrap onto a second, scrollable row.
import { ROLE_HOME, type Role } from "@bloom/domain";
import { Bike, CalendarClock, ChartColumn, ClipboardList, Flower2, LayoutGrid, Package, Store, UserRound } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { cn } from "~/lib/cn";
import { getSession } from "~/server/auth";
import { CartLink } from "./cart-link";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLink } from "./nav-link";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";
import { buttonVariants } from "./ui/button";

type NavKey = "stores" | "orders" | "mypage" | "board" | "menu" | "deliveries" | "queues" | "hours" | "sales";
type NavItem = { href: string; key: NavKey; icon: ReactNode; exact?: boolean };

const STORES: NavItem = { href: "/stores", key: "stores", icon: <Store aria-hidden="true" /> };
const ROLE_LINKS: Record<Role, NavItem[]> = {
  CUSTOMER: [STORES, { href: "/orders", key: "orders", icon: <Package aria-hidden="true" /> }, { href: "/mypage", key: "mypage", icon: <UserRound aria-hidden="true" /> }],
  OWNER: [
    { href: "/board", key: "board", icon: <LayoutGrid aria-hidden="true" />, exact: true },
    { href: "/board/menu", key: "menu", icon: <ClipboardList aria-hidden="true" /> },
    { href: "/board/hours", key: "hours", icon: <CalendarClock aria-hidden="true" /> },
    { href: "/board/sales", key: "sales", icon: <ChartColumn aria-hidden="true" /> },
  ],
  RIDER: [{ href: "/deliveries", key: "deliveries", icon: <Bike aria-hidden="true" /> }],
  ADMIN: [
    { href: "/board", key: "board", icon: <LayoutGrid aria-hidden="true" />, exact: true },
    { href: "/board/menu", key: "menu", icon: <ClipboardList aria-hidden="true" /> },
    { href: "/board/hours", key: "hours", icon: <CalendarClock aria-hidden="true" /> },
    { href: "/board/sales", key: "sales", icon: <ChartColumn aria-hidden="true" /> },
    { href: "/ops/queues", key: "queues", icon: <ClipboardList aria-hidden="true" /> },
  ],
};

export async function SiteHeader() {
  const [session, t, tRole] = await Promise.all([getSession(), getTranslations("header"), getTranslations("role")]);
  const user = session?.user ?? null;
  const links = user ? ROLE_LINKS[user.role] : [STORES];
  // Only people who can buy see the cart: visitors and customers.
  const showsCart = !user || user.role === "CUSTOMER";

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur-md supports-[backdrop-filter]:bg-surface/85">
      <div className="container-page grid grid-cols-[auto_1fr] items-center gap-x-2 py-2 sm:gap-x-3 [grid-template-areas:'brand_account'_'nav_nav'] md:grid-cols-[auto_1fr_auto] md:gap-x-6 md:[grid-template-areas:'brand_nav_account']">
        <Link
          href={user ? ROLE_HOME[user.role] : "/stores"}
          className="inline-flex min-h-10 items-center gap-1.5 text-xl font-extrabold tracking-tight text-ink no-underline [grid-area:brand] hover:text-ink"
        >
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-600 text-white">
            <Flower2 className="size-5" />
          </span>
          Bloom
          <span className="sr-only"> — {t("home")}</span>
        </Link>
        <nav aria-label={t("mainNav")} className="-mx-1 overflow-x-auto px-1 [grid-area:nav] md:mx-0 md:px-0">
          <ul className="m-0 flex list-none gap-1 p-0 pt-1 md:pt-0">
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href} exact={l.exact}>
                  {l.icon}
                  {t(`nav.${l.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex min-w-0 items-center justify-end gap-1 [grid-area:account] sm:gap-2">
          <LocaleSwitcher />
          {showsCart && <CartLink />}
          {user ? (
            <>
              <span className="hidden max-w-48 truncate text-sm font-semibold lg:inline">
                <span className="sr-only">{t("signedInAs")} </span>
                {user.name}
                {user.role !== "CUSTOMER" && <span className="font-normal text-muted"> · {tRole(user.role)}</span>}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <SignInLink className={buttonVariants({ variant: "ghost", size: "sm" })} />
              <Link href="/signup" className={cn(buttonVariants({ variant: "primary", size: "sm" }), "hidden sm:inline-flex")}>
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

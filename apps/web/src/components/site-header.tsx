// The site header (server component): brand, the links of the signed-in role, and the account.
import { ROLE_HOME, type Role } from "@bloom/domain";
import Link from "next/link";
import { getSession } from "~/server/auth";
import { buttonClass } from "./button";
import { CartLink } from "./cart-link";
import { NavLink } from "./nav-link";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

type NavItem = { href: string; label: string };

const PUBLIC_LINKS: NavItem[] = [{ href: "/stores", label: "Stores" }];
const ROLE_LINKS: Record<Role, NavItem[]> = {
  CUSTOMER: [
    { href: "/stores", label: "Stores" },
    { href: "/orders", label: "My orders" },
    { href: "/mypage", label: "MyPage" },
  ],
  OWNER: [{ href: "/board", label: "Order board" }],
  RIDER: [{ href: "/deliveries", label: "Deliveries" }],
  ADMIN: [{ href: "/board", label: "Order board" }],
};
const ROLE_NAME: Record<Role, string | null> = { CUSTOMER: null, OWNER: "Store owner", RIDER: "Rider", ADMIN: "Operator" };

export async function SiteHeader() {
  const session = await getSession();
  const user = session?.user ?? null;
  const links = user ? ROLE_LINKS[user.role] : PUBLIC_LINKS;
  // Only people who can buy see the cart: visitors and customers.
  const showsCart = !user || user.role === "CUSTOMER";

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={user ? ROLE_HOME[user.role] : "/stores"} className="brand">
          <span className="brand__mark" aria-hidden="true">
            ✿
          </span>
          Bloom
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__account">
          {showsCart && <CartLink />}
          {user ? (
            <>
              <span className="site-header__user">
                <span className="visually-hidden">Signed in as </span>
                {user.name}
                {ROLE_NAME[user.role] && <span className="site-header__role"> · {ROLE_NAME[user.role]}</span>}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <SignInLink className={buttonClass("ghost", "sm")} />
              <Link href="/signup" className={buttonClass("primary", "sm")}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

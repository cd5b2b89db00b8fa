import type { Metadata } from "next";
import { getSession } from "~/server/auth";
import { Checkout } from "./checkout";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const session = await getSession();
  const viewer = session?.user ? { name: session.user.name, role: session.user.role } : null;
  return <Checkout viewer={viewer} />;
}

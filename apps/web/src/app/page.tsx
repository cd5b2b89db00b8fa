// "/" sends each visitor to where they work: their role's home, or the public store list.
import { ROLE_HOME } from "@bloom/domain";
import { redirect } from "next/navigation";
import { getSession } from "~/server/auth";

export default async function Home() {
  const session = await getSession();
  redirect(session?.user ? ROLE_HOME[session.user.role] : "/stores");
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { AuthShell } from "../auth-shell";
import { SignInForm } from "./signin-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default function SignInPage() {
  return (
    <AuthShell>
      {/* The form reads ?callbackUrl; the boundary keeps the rest of the page prerenderable. */}
      <Suspense fallback={<Skeleton className="min-h-96" />}>
        <SignInForm />
      </Suspense>
    </AuthShell>
  );
}

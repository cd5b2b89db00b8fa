import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { AuthShell } from "../auth-shell";
import { SignUpForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default function SignUpPage() {
  return (
    <AuthShell>
      <Suspense fallback={<Skeleton className="min-h-[28rem]" />}>
        <SignUpForm />
      </Suspense>
    </AuthShell>
  );
}

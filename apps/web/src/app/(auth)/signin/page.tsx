import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="auth">
      {/* The form reads ?callbackUrl; the boundary keeps the rest of the page prerenderable. */}
      <Suspense fallback={<div className="skeleton" style={{ minHeight: "22rem" }} />}>
        <SignInForm />
      </Suspense>
    </div>
  );
}

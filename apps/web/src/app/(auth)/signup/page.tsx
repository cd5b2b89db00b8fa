import type { Metadata } from "next";
import { Suspense } from "react";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="auth">
      <Suspense fallback={<div className="skeleton" style={{ minHeight: "28rem" }} />}>
        <SignUpForm />
      </Suspense>
    </div>
  );
}

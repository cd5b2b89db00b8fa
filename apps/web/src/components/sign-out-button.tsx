"use client";
// Signing out reloads the page on purpose: the query cache of the previous user goes with it.
// The reload goes to a relative path, so it works whatever host NEXTAUTH_URL names.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "./button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      pending={pending}
      pendingText="Signing out…"
      onClick={() => {
        setPending(true);
        void signOut({ redirect: false }).finally(() => window.location.assign("/stores"));
      }}
    >
      Sign out
    </Button>
  );
}

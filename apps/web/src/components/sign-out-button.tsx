"use client";
// Signing out reloads the page on purpose: the query cache of the previous user goes with it.
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
        void signOut({ callbackUrl: "/stores" });
      }}
    >
      Sign out
    </Button>
  );
}

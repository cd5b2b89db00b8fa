"use client";
// Signing out reloads the page on purpose: the query cache of the previous user goes with it.
// The reload goes to a relative path, so it works whatever host NEXTAUTH_URL names.
// next-auth's client and tRPC's are loaded on the click, not with every page that shows the header (P1).
import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { forgetThisPushDevice } from "~/lib/push-device";
import { Button } from "./ui/button";

export function SignOutButton({ variant = "ghost" }: { variant?: "ghost" | "primary" | "secondary" }) {
  const t = useTranslations("header");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size="sm"
      pending={pending}
      pendingText={t("signingOut")}
      onClick={() => {
        setPending(true);
        // X3: this browser stops ringing for the account that signs out.
        // The tRPC client loads only for the removal (it sits outside the provider on some pages).
        void forgetThisPushDevice((endpoint) => import("~/trpc/vanilla").then(({ vanillaTrpcClient }) => vanillaTrpcClient().push.remove.mutate({ endpoint })))
          .then(() => import("next-auth/react"))
          .then(({ signOut }) => signOut({ redirect: false }))
          .finally(() => window.location.assign("/stores"));
      }}
    >
      <LogOut aria-hidden="true" className="hidden sm:block" />
      {t("signOut")}
    </Button>
  );
}

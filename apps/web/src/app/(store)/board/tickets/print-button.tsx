"use client";
// W2: the ticket page's only client code — the browser's print dialog.
import { Printer } from "lucide-react";
import { Button } from "~/components/ui/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} data-testid="tickets-print">
      <Printer aria-hidden="true" />
      {label}
    </Button>
  );
}

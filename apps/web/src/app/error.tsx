"use client";
// The last-resort boundary for a page that crashed while rendering: no stack trace, a way back.
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <EmptyState
      headingLevel={1}
      icon="⚠"
      title="Something went wrong on this page"
      action={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/stores" className={buttonClass("secondary")}>
            Browse stores
          </Link>
        </>
      }
    >
      <p>Please try again. If it keeps happening, reload the page.</p>
    </EmptyState>
  );
}

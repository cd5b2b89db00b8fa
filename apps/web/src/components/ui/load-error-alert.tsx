"use client";
// A list that could not load: what failed, in the viewer's words, and a retry button.
import { useErrorMessage } from "~/lib/error-message";
import { Alert } from "./alert";
import { Button } from "./button";

export function LoadErrorAlert({ title, retryLabel, error, onRetry }: { title: string; retryLabel: string; error: unknown; onRetry: () => void }) {
  const errorMessage = useErrorMessage();
  return (
    <Alert
      title={title}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {retryLabel}
        </Button>
      }
    >
      <p>{errorMessage(error)}</p>
    </Alert>
  );
}

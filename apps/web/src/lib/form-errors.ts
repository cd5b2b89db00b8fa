"use client";
// Form errors in the viewer's language. The zod schemas (shared with the server) say *which* field
// failed and *how* (issue code); the words come from `validation.<field path>.<kind>` in the
// messages, falling back to the field's `invalid` message, then to a generic one.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { REFUSED_PARAMS } from "@bloom/domain";
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string>;
/** `characters`: control characters or broken UTF-16 in a text field (textField, S4). */
export type IssueKind = "required" | "tooShort" | "tooLong" | "invalid" | "custom" | "characters";

type Issue = ZodError["issues"][number];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** What kind of problem an issue is, seen from the person filling the form. */
export function issueKind(issue: Issue, input?: unknown): IssueKind {
  const value = valueAt(input, issue.path);
  const empty = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  switch (issue.code) {
    case "custom":
      return issue.params?.text === REFUSED_PARAMS.text ? "characters" : "custom";
    case "too_small":
      return empty || Number(issue.minimum) === 1 ? "required" : "tooShort";
    case "too_big":
      return "tooLong";
    default:
      return empty ? "required" : "invalid";
  }
}

/** The dotted path of the field an issue is about ("delivery.recipientName"); "_form" for none. */
export function issuePath(issue: Issue): string {
  return issue.path.filter((p) => typeof p === "string").join(".") || "_form";
}

/** Turns a zod error into one translated message per field, keyed by the dotted path. */
export function useFieldErrors(): (error: ZodError, input?: unknown) => FieldErrors {
  const t = useTranslations("validation");
  const message = useFieldMessage();
  return useCallback(
    (error: ZodError, input?: unknown) => {
      const out: FieldErrors = {};
      for (const issue of error.issues) {
        const path = issuePath(issue);
        out[path] ??= message(path, issueKind(issue, input));
      }
      return out;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `message` follows `t`
    [t],
  );
}

/** The message for one field and kind, with the fallbacks described above. */
export function useFieldMessage(): (path: string, kind: IssueKind) => string {
  const t = useTranslations("validation");
  return useCallback(
    (path: string, kind: IssueKind) => {
      type Key = Parameters<typeof t>[0];
      for (const key of [`${path}.${kind}`, `${path}.invalid`, `generic.${kind}`]) {
        if (t.has(key as Key)) return t(key as Key);
      }
      return t("generic.invalid");
    },
    [t],
  );
}

/** Moves focus to the first invalid control in document order, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return;
  // A group is marked on its container: focus its checked choice, or its first enabled one.
  const isGroup = el instanceof HTMLFieldSetElement || el.getAttribute("role") === "radiogroup";
  const target = isGroup
    ? (el.querySelector<HTMLElement>('[aria-checked="true"]:not(:disabled), input:checked:not(:disabled)') ??
      el.querySelector<HTMLElement>('[role="radio"]:not(:disabled), input:not(:disabled)'))
    : el;
  target?.focus();
  target?.scrollIntoView({ block: "center", behavior: "smooth" });
}

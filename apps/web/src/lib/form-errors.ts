// Turns a zod error into one message per field, keyed by the dotted path ("delivery.address").
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Moves focus to the first invalid control in document order, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  // A radio group is marked on its fieldset: focus its checked radio, or its first.
  const target = el instanceof HTMLFieldSetElement ? (el.querySelector<HTMLElement>("input:checked:not(:disabled)") ?? el.querySelector<HTMLElement>("input:not(:disabled)")) : el;
  target?.focus();
}

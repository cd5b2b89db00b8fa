"use client";
// Labelled form controls with their hint and inline error wired for assistive tech: the error is
// referenced by aria-describedby and the control is aria-invalid, so it is read with the control;
// forms move focus to the first invalid one (lib/form-errors).
import { CircleAlert } from "lucide-react";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "~/lib/cn";
import { Input, NativeSelect, Textarea } from "./input";
import { Label } from "./label";

type Common = { label: ReactNode; hint?: ReactNode; error?: string | null; className?: string; optionalText?: string };

function ids(id: string, hint: unknown, error: unknown, extra?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [extra, hintId, errorId].filter(Boolean).join(" ") || undefined };
}

export function FieldError({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <p id={id} className={cn("m-0 flex items-start gap-1.5 text-sm font-semibold text-danger-700", className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

function Messages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string | null; errorId?: string }) {
  return (
    <>
      {hint && (
        <div id={hintId} className="text-sm text-muted">
          {hint}
        </div>
      )}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </>
  );
}

function FieldLabel({ htmlFor, label, optionalText }: { htmlFor: string; label: ReactNode; optionalText?: string }) {
  return (
    <Label htmlFor={htmlFor}>
      {label}
      {optionalText && <span className="font-normal text-muted"> ({optionalText})</span>}
    </Label>
  );
}

export function Field({ label, hint, error, className, optionalText, id, ...input }: Common & ComponentProps<"input">) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = ids(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <FieldLabel htmlFor={inputId} label={label} optionalText={optionalText} />
      <Input {...input} id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, className, optionalText, id, ...input }: Common & ComponentProps<"textarea">) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = ids(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <FieldLabel htmlFor={inputId} label={label} optionalText={optionalText} />
      <Textarea {...input} id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function SelectField({ label, hint, error, className, optionalText, id, children, ...input }: Common & ComponentProps<"select">) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = ids(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <FieldLabel htmlFor={inputId} label={label} optionalText={optionalText} />
      <NativeSelect {...input} id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {children}
      </NativeSelect>
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** A group of radios or checkboxes under one legend, with the group's error. */
export function FieldGroup({
  legend,
  hint,
  error,
  className,
  children,
}: { legend: ReactNode; children: ReactNode } & Omit<Common, "label" | "optionalText">) {
  const id = useId();
  const { hintId, errorId, describedBy } = ids(id, hint, error);
  return (
    <fieldset className={cn("m-0 grid min-w-0 gap-2 border-0 p-0", className)} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 p-0 text-sm font-semibold text-ink">{legend}</legend>
      {children}
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}

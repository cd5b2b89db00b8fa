"use client";
// A labelled form control with its hint and error wired for assistive tech (aria-describedby,
// aria-invalid). The error text is read with the control; forms focus the first invalid one.
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, type SelectHTMLAttributes } from "react";

type Common = { label: ReactNode; hint?: ReactNode; error?: string | null; className?: string };

function useDescribedBy(id: string, hint: unknown, error: unknown, extra?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [extra, hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, describedBy };
}

function Messages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string | null; errorId?: string }) {
  return (
    <>
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

export function Field({ label, hint, error, className, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = useDescribedBy(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input {...input} id={inputId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, className, id, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = useDescribedBy(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <textarea {...input} id={inputId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function SelectField({ label, hint, error, className, id, children, ...input }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const { hintId, errorId, describedBy } = useDescribedBy(inputId, hint, error, input["aria-describedby"]);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <select {...input} id={inputId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {children}
      </select>
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** A group of radios or checkboxes under one legend, with the group's error. */
export function FieldGroup({ legend, hint, error, className, children }: { legend: ReactNode; children: ReactNode } & Omit<Common, "label">) {
  const id = useId();
  const { hintId, errorId, describedBy } = useDescribedBy(id, hint, error);
  return (
    <fieldset
      className={["field", "fieldset", className].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {children}
      <Messages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}

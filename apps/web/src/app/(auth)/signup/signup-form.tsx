"use client";
// Customer sign-up: the same signUpSchema checks the form here and the procedure on the server;
// the password policy (common, leaked, personal) is the server's alone and comes back on the
// password field. A new account is signed in straight away and taken to the stores (or back to
// checkout). The server answers the same for an email that already has an account (S5), so the
// sign-in just fails then, and the page says what either case means without telling which.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useErrorMessage } from "~/lib/error-message";
import { lazyModule } from "~/lib/lazy-module";
import { focusFirstInvalid, useFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { safeCallbackUrl } from "~/lib/safe-callback-url";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { AuthCard } from "../auth-shell";

type Form = { name: string; email: string; password: string; phone: string };


/** signUpSchema (zod), fetched when the form is first touched: see lazy-module. */
const credentialSchemas = lazyModule(() => import("@bloom/domain/credentials"));
export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const tValidation = useTranslations("validation");
  const trpc = useTRPC();
  const router = useRouter();
  const fieldErrorsOf = useFieldErrors();
  const errorMessage = useErrorMessage();
  const callbackUrl = safeCallbackUrl(useSearchParams().get("callbackUrl"));
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  const [form, setForm] = useState<Form>({ name: "", email: "", password: "", phone: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [checkInbox, setCheckInbox] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Called once the schema is loaded: on submit (which waits for it), then on every change.
  function validate(values: Form) {
    const schemas = credentialSchemas.current;
    if (!schemas) return { success: false as const };
    const parsed = schemas.signUpSchema.safeParse(values);
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error, values));
    return parsed;
  }

  function update<K extends keyof Form>(key: K, value: string) {
    const next = { ...form, [key]: value };
    setForm(next);
    // After the first submit, errors follow the typing so a fixed field clears at once.
    if (submitted) validate(next);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (signUp.isPending || signingIn) return;
    setSubmitted(true);
    setFormError(null);
    setCheckInbox(false);
    try {
      await credentialSchemas.load();
    } catch (err) {
      setFormError(err);
      return;
    }
    const parsed = validate(form);
    if (!parsed.success) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      await signUp.mutateAsync(parsed.data);
    } catch (err) {
      if (readError(err).fieldErrors?.password) {
        setErrors((e) => ({ ...e, password: tValidation("password.weak") }));
        // The password field exists already; waiting for it to render aria-invalid (what
        // focusFirstInvalid looks for) raced React's render and sometimes left focus on the button.
        formRef.current?.querySelector<HTMLInputElement>("#password")?.focus();
      } else {
        setFormError(err);
      }
      return;
    }
    setSigningIn(true);
    const res = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!res?.ok || res.error) {
      // Either the email already had an account (its owner was sent a notice) or only the
      // automatic sign-in failed: one message covers both.
      setSigningIn(false);
      setCheckInbox(true);
      return;
    }
    router.replace(callbackUrl ?? "/stores");
    router.refresh();
  }

  const pending = signUp.isPending || signingIn;

  return (
    <>
      <AuthCard title={t("title")} lead={t("lead")}>
        <form ref={formRef} className="grid gap-4" onSubmit={onSubmit} onFocusCapture={() => void credentialSchemas.load().catch(() => {})} noValidate>
          {formError != null && <Alert>{errorMessage(formError)}</Alert>}
          {checkInbox && (
            <Alert tone="info" title={t("checkInboxTitle")}>
              <p>
                {t("checkInbox")} <Link href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"}>{t("goToSignIn")}</Link>
              </p>
            </Alert>
          )}
          <Field id="name" label={t("name")} autoComplete="name" value={form.name} onChange={(e) => update("name", e.target.value)} error={errors.name} required />
          <Field
            id="email"
            label={t("email")}
            type="email"
            inputMode="email"
            autoComplete="email"
            value={form.email}
            onChange={(e) => update("email", e.target.value)}
            error={errors.email}
            required
          />
          <Field
            id="password"
            label={t("password")}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => update("password", e.target.value)}
            error={errors.password}
            hint={t("passwordHint")}
            required
          />
          <Field
            id="phone"
            label={t("phone")}
            optionalText={t("optional")}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="010-1234-5678"
            value={form.phone}
            onChange={(e) => update("phone", e.target.value)}
            error={errors.phone}
          />
          <Button type="submit" block size="lg" pending={pending} pendingText={signingIn ? t("signingIn") : t("creating")}>
            {t("submit")}
          </Button>
        </form>
      </AuthCard>
      <p className="m-0 text-center">
        {t("haveAccount")} <Link href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"}>{t("signIn")}</Link>
      </p>
    </>
  );
}

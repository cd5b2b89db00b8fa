"use client";
// Sign in with email and password (next-auth credentials), then go back where the visitor came
// from, or to their role's home.
import { ROLE_HOME } from "@bloom/domain";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { lazyModule } from "~/lib/lazy-module";
import { focusFirstInvalid, useFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { safeCallbackUrl } from "~/lib/safe-callback-url";
import { AuthCard } from "../auth-shell";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

type FormError = "wrongCredentials" | "tooMany" | "offline";


/** signInSchema (zod), fetched when the form is first touched: see lazy-module. */
const credentialSchemas = lazyModule(() => import("@bloom/domain/credentials"));
export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const tDemo = useTranslations("auth.demo");
  const tRole = useTranslations("role");
  const fieldErrorsOf = useFieldErrors();
  const router = useRouter();
  const params = useSearchParams();
  const callbackUrl = safeCallbackUrl(params.get("callbackUrl"));
  // next-auth's own redirect flow lands here with ?error=CredentialsSignin; a throttled sign-in
  // points here with ?error=TooManyAttempts.
  const error = params.get("error");
  const initialError: FormError | null = error === "TooManyAttempts" ? "tooMany" : error ? "wrongCredentials" : null;

  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError | null>(initialError);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setFormError(null);
    const input = { email, password };
    let schemas;
    try {
      schemas = await credentialSchemas.load();
    } catch {
      setFormError("offline");
      return;
    }
    const parsed = schemas.signInSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error, input));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!res || res.error || !res.ok) {
        setFormError(res?.status === 429 ? "tooMany" : "wrongCredentials");
        setPending(false);
        return;
      }
      const session = await getSession();
      const role = session?.user?.role;
      router.replace(callbackUrl ?? (role ? ROLE_HOME[role] : "/stores"));
      router.refresh();
    } catch {
      setFormError("offline");
      setPending(false);
    }
  }

  function fillDemo(account: string) {
    setEmail(account);
    setPassword(DEMO_PASSWORD);
    setErrors({});
    setFormError(null);
    submitRef.current?.focus();
  }

  return (
    <>
      <AuthCard title={t("title")} lead={t("lead")}>
        <form ref={formRef} className="grid gap-4" onSubmit={onSubmit} onFocusCapture={() => void credentialSchemas.load().catch(() => {})} noValidate aria-describedby={formError ? "signin-error" : undefined}>
          {formError && <Alert id="signin-error">{t(formError)}</Alert>}
          <Field
            id="email"
            name="email"
            label={t("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
            required
          />
          <Field
            id="password"
            name="password"
            label={t("password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            required
          />
          <Button ref={submitRef} type="submit" block size="lg" pending={pending} pendingText={t("pending")}>
            {t("submit")}
          </Button>
        </form>
      </AuthCard>
      <p className="m-0 text-center">
        {t("newHere")} <Link href={callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup"}>{t("createAccount")}</Link>
      </p>
      <section aria-labelledby="demo-title" className="rounded-3xl border border-dashed border-line-strong bg-surface-2/60 p-5">
        <h2 id="demo-title" className="m-0 text-base font-bold">
          {tDemo("title")}
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">{tDemo.rich("passwordHint", { password: DEMO_PASSWORD, code: (chunks) => <code className="rounded bg-surface px-1 text-ink">{chunks}</code> })}</p>
        <ul className="m-0 grid list-none gap-2 p-0">
          {DEMO_ACCOUNTS.map((a) => (
            <li key={a.email} className="flex items-center justify-between gap-3 rounded-2xl bg-surface px-3.5 py-2.5">
              <span className="min-w-0">
                <strong className="block">{tRole(a.role)}</strong>
                <code className="block truncate text-sm text-muted">{a.email}</code>
              </span>
              <Button variant="secondary" size="sm" onClick={() => fillDemo(a.email)} aria-label={tDemo("useAria", { role: tRole(a.role) })}>
                {tDemo("use")}
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

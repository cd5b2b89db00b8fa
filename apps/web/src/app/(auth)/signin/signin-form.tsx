"use client";
// Sign in with email and password (next-auth credentials), then go back where the visitor came
// from, or to their role's home.
import { ROLE_HOME, signInSchema } from "@bloom/domain";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { getSession, signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { Field } from "~/components/field";
import { fieldErrorsOf, focusFirstInvalid, type FieldErrors } from "~/lib/form-errors";
import { safeCallbackUrl } from "~/lib/safe-callback-url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const WRONG_CREDENTIALS = "Wrong email or password";
const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Please wait a minute and try again.";

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const callbackUrl = safeCallbackUrl(params.get("callbackUrl"));
  // next-auth's own redirect flow lands here with ?error=CredentialsSignin.
  const initialError = params.get("error") ? WRONG_CREDENTIALS : null;

  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!res || res.error || !res.ok) {
        setFormError(res?.status === 429 ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS);
        setPending(false);
        return;
      }
      const session = await getSession();
      const role = session?.user?.role;
      router.replace(callbackUrl ?? (role ? ROLE_HOME[role] : "/stores"));
      router.refresh();
    } catch {
      setFormError("We could not reach Bloom. Check your connection and try again.");
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
      <div className="card auth__card">
        <h1>Sign in</h1>
        <p className="muted">Welcome back to Bloom.</p>
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-describedby={formError ? "signin-error" : undefined}>
          {formError && <Alert id="signin-error">{formError}</Alert>}
          <Field
            id="email"
            name="email"
            label="Email"
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
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            required
          />
          <Button ref={submitRef} type="submit" block size="lg" pending={pending} pendingText="Signing in…">
            Sign in
          </Button>
        </form>
      </div>
      <p className="auth__switch">
        New to Bloom?{" "}
        <Link href={callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup"}>Create an account</Link>
      </p>
      <section className="demo-accounts" aria-labelledby="demo-title">
        <h2 id="demo-title">Demo accounts</h2>
        <p className="small muted">
          Every demo account uses the password <code>{DEMO_PASSWORD}</code>.
        </p>
        <ul>
          {DEMO_ACCOUNTS.map((a) => (
            <li key={a.email}>
              <span>
                <strong>{a.role}</strong>
                <br />
                <code>{a.email}</code>
              </span>
              <Button variant="secondary" size="sm" onClick={() => fillDemo(a.email)} aria-label={`Use the ${a.role.toLowerCase()} demo account`}>
                Use
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

// Notices to an account's owner about something done with their email address (S5): sign-up no
// longer says "this email has an account" to whoever asks, so the owner is told instead.
import type { Logger } from "../shared/context";

/** The port. Implementations must answer quickly (queue mail, do not send it inline): sign-up waits for it. */
export interface AccountNotices {
  /** Someone tried to sign up with the email of an existing account. */
  signUpAttemptedForExistingAccount(email: string): Promise<void>;
}

/** "minji.kim@example.com" → "m***m@example.com": enough to tell accounts apart in logs, not to harvest them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = at > 0 ? email.slice(0, at) : email;
  const domain = at > 0 ? email.slice(at) : "";
  const chars = [...local];
  return `${chars[0] ?? ""}***${chars.length > 2 ? chars[chars.length - 1] : ""}${domain}`;
}

/** The event name on the log line, for log searches and tests. */
export const SIGN_UP_FOR_EXISTING_ACCOUNT = "sign-up-attempted-for-existing-account";

/**
 * Until the messages issue brings a mail port: one structured log line per notice, the email
 * masked (the line is not the place for a customer's address) and never the password.
 */
export class LoggedAccountNotices implements AccountNotices {
  constructor(private readonly log: Logger) {}

  async signUpAttemptedForExistingAccount(email: string): Promise<void> {
    this.log.info(
      { notice: SIGN_UP_FOR_EXISTING_ACCOUNT, email: maskEmail(email), delivery: "log-only" },
      "account notice: someone tried to sign up with an existing account's email",
    );
  }
}

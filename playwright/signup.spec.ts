// Sign-up through the real form (S5): a new customer is signed in straight away; a common
// password is refused on its field; an email that already has an account gets the same neutral
// message whoever asks, never "this email is taken".
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, messagesOf } from "./support";

const STRONG = "river-maple-lantern-42";

async function signUp(page: Page, input: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  const m = (await messagesOf(page)).auth.signUp;
  await page.getByLabel(m.name).fill(input.name);
  await page.getByLabel(m.email).fill(input.email);
  await page.getByLabel(m.password, { exact: true }).fill(input.password);
  await page.getByRole("button", { name: m.submit, exact: true }).click();
}

test.describe("sign-up", () => {
  test("[S5] a new customer signs up and lands on the stores, signed in", async ({ page }) => {
    await signUp(page, { name: "Journey Customer", email: `e2e-${Date.now().toString(36)}@bloom.test`, password: STRONG });
    await expect(page).toHaveURL(/\/stores$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("[S5] a common password is refused on the password field", async ({ page }) => {
    await signUp(page, { name: "Journey Customer", email: `e2e-weak-${Date.now().toString(36)}@bloom.test`, password: "password123" });
    const m = await messagesOf(page);
    const password = page.getByLabel(m.auth.signUp.password, { exact: true });
    await expect(page.getByText(m.validation.password.weak)).toBeVisible();
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toBeFocused();
    await expect(page).toHaveURL(/\/signup/);
  });

  test("[S5] an email that already has an account gets the neutral message, not a 'taken' error", async ({ page }) => {
    await signUp(page, { name: "Someone Else", email: ACCOUNTS.customer, password: STRONG });
    const m = (await messagesOf(page)).auth.signUp;
    await expect(page.getByRole("status").filter({ hasText: m.checkInboxTitle })).toBeVisible();
    await expect(page.getByText(/already exists|taken/i)).toHaveCount(0);
    await expect(page).toHaveURL(/\/signup/);
  });
});

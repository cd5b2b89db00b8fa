import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

test.describe("sign-in and roles", () => {
  for (const [role, email, home] of [
    ["customer", ACCOUNTS.customer, /\/stores$/],
    ["store owner", ACCOUNTS.owner, /\/board$/],
    ["rider", ACCOUNTS.rider, /\/deliveries$/],
  ] as const) {
    test(`[C5] the demo ${role} signs in, lands on their home, and signs out`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(home);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    });
  }

  test("[C5] a wrong password is refused with a clear message", async ({ page }) => {
    await signIn(page, ACCOUNTS.customer, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("[C5] role pages send strangers to sign in", async ({ page }) => {
    await page.goto("/board");
    await expect(page).toHaveURL(/\/signin/);
  });
});

import { expect, test } from "@playwright/test";
import { ACCOUNTS, addToCart, checkout, placeOrder, signIn } from "./support";

test.describe("customer ordering", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ACCOUNTS.customer);
    await expect(page).toHaveURL(/\/stores$/);
  });

  test("[F1][F2][F13] picks a bouquet, fills checkout, pays with 4242 and sees the order page", async ({ page }) => {
    await page.getByRole("link", { name: /Seoul Forest Florist/ }).first().click();
    await expect(page.getByRole("heading", { name: "Red Rose Classic" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
    await page.getByRole("button", { name: "Add to cart: Red Rose Classic" }).click();
    await checkout(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("order-status")).toHaveText(/Placed|Accepted/);
    await expect(page.getByText("Soyeon Yoon")).toBeVisible();
    await expect(page.getByText(/4242/).first()).toBeVisible();
    await expect(page.getByText("₩59,000").first()).toBeVisible();
  });

  test("[F2] a declined card shows why and creates no order", async ({ page }) => {
    const recipient = `Declined ${Date.now().toString(36)}`;
    await addToCart(page, "Lavender Dream");
    await checkout(page, "4000 0000 0000 0002", recipient);
    await expect(page.getByRole("alert").filter({ hasText: "declined" })).toBeVisible();
    await expect(page).toHaveURL(/\/checkout$/);
    // Newest first: an order for this recipient would head the list.
    await page.goto("/orders");
    await expect(page.getByText(/Showing \d+ order|When you send flowers/)).toBeVisible();
    await expect(page.getByText(`For ${recipient}`)).toHaveCount(0);
  });

  test("[F1] checkout refuses bad fields next to them and sends nothing", async ({ page }) => {
    await addToCart(page, "Lavender Dream");
    await page.goto("/checkout");
    await page.getByLabel("Recipient phone").fill("12");
    await page.getByRole("button", { name: "Pay and place order" }).click();
    await expect(page.getByText("Enter the recipient's name")).toBeVisible();
    await expect(page.getByText("Enter a phone number like 010-1234-5678")).toBeVisible();
    await expect(page).toHaveURL(/\/checkout$/);
  });

  test("[F11][F13] the customer cancels an order and sees it cancelled and refunded", async ({ page }) => {
    await placeOrder(page, "Sunny Sunflowers");
    await page.getByRole("button", { name: "Cancel order" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByRole("button", { name: /Cancel order|Yes/ }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
    await expect(page.getByText("Refunded").first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  });
});

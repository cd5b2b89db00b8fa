// Shared steps for the journeys: sign in through the real form, order through the real checkout.
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "bloom1234";
export const ACCOUNTS = {
  customer: "customer@bloom.test",
  owner: "owner@bloom.test",
  rider: "rider@bloom.test",
} as const;
export const SEOUL_FOREST = "10000000-0000-4000-8000-000000000001";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function newSignedInPage(browser: Browser, email: string, home: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
}

/** Tomorrow's date (YYYY-MM-DD) in Seoul, so every slot is open whenever the test runs. */
export function tomorrowInSeoul(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function addToCart(page: Page, bouquet: string) {
  await page.goto(`/stores/${SEOUL_FOREST}`);
  await page.getByRole("button", { name: `Add to cart: ${bouquet}` }).click();
}

export async function checkout(page: Page, card: string, recipient = "Soyeon Yoon") {
  await page.goto("/checkout");
  await page.getByLabel("Recipient name").fill(recipient);
  await page.getByLabel("Recipient phone").fill("010-9876-5432");
  await page.getByLabel("Delivery address").fill("88 Eulji-ro, Jung-gu, Seoul");
  await page.getByLabel("Delivery date").fill(tomorrowInSeoul());
  await page.getByRole("radio").first().check();
  await page.getByLabel("Gift card message").fill("Happy birthday, with love");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Pay and place order" }).click();
}

/** Orders one bouquet as the signed-in customer and returns the new order's id. */
export async function placeOrder(page: Page, bouquet = "Sunny Sunflowers", recipient = "Soyeon Yoon"): Promise<string> {
  await addToCart(page, bouquet);
  await checkout(page, "4242 4242 4242 4242", recipient);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

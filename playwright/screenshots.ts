// `npm run screenshots`: one screenshot per role (customer, store owner, rider) at phone (390×844)
// and desktop (1280×800) sizes, plus the owner's tablet and a few Korean ones, into
// docs/screenshots/ for the README. It first makes the screens worth looking at: three orders at
// Hongdae Petal Studio — one new, one accepted, one ready and out for delivery with the rider.
// Run by playwright/screenshots.config.ts, which starts web and worker like the e2e journeys.
import { expect, test, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import { ACCOUNTS, addToCart, HONGDAE, newSignedInPage, openBoardCard, placeOrder, setStock, riderRequest } from "./support";

const OUT = path.join(import.meta.dirname, "../docs/screenshots");
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };
const DESKTOP = { width: 1280, height: 800 };
type Size = typeof PHONE;

test.setTimeout(240_000);

async function signedIn(browser: Browser, email: string, size: Size, locale: "en-US" | "ko-KR" = "en-US"): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale, deviceScaleFactor: size === PHONE ? 2 : 1, hasTouch: size === PHONE });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("bloom1234");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  return page;
}

async function snap(page: Page, name: string) {
  // Fonts loaded, skeletons gone, animations finished.
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: "disabled" });
}

test("screenshots of every role, phone and desktop", async ({ browser }) => {
  // ── data: three orders at one shop, each at a different step ─────────────────────────────
  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  // Back to the seeded stock, so accepting (which takes stock) never sells the demo menu out.
  await setStock(owner, HONGDAE, "Tulip Party", 14);
  await setStock(owner, HONGDAE, "Carnation Thanks", 25);
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const ready = await placeOrder(customer, "Tulip Party", "Jisoo Han", HONGDAE);
  const accepted = await placeOrder(customer, "Carnation Thanks", "Daniel Han", HONGDAE);
  const fresh = await placeOrder(customer, "Baby's Breath Mist", "Seoyeon Lim", HONGDAE);

  // W3: the orders are for tomorrow and the board opens on today; cards open before acting.
  await owner.goto(`/board?store=${HONGDAE}&day=all`);
  for (const id of [ready, accepted]) {
    const card = await openBoardCard(owner, id);
    await card.getByRole("button", { name: /^Accept/ }).click({ timeout: 20_000 });
    await expect(card).toHaveAttribute("data-status", "ACCEPTED");
  }
  const readyCard = owner.locator(`[data-testid="board-order"][data-order-id="${ready}"]`);
  await readyCard.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(readyCard).toHaveAttribute("data-status", "DECORATED");
  await expect(owner.locator(`[data-testid="board-order"][data-order-id="${fresh}"]`)).toHaveAttribute("data-status", "NEW");

  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = await riderRequest(rider, ready, 20_000);
  await request.getByRole("button", { name: /^Claim/ }).click({ timeout: 20_000 });
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${ready}"]`);
  await expect(mine).toHaveAttribute("data-status", "CLAIMED");
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED");

  // ── customer: a shop's menu with a cart, and the order page's timeline ───────────────────
  for (const [size, label] of [[PHONE, "phone"], [DESKTOP, "desktop"]] as const) {
    for (const locale of label === "phone" ? (["en-US", "ko-KR"] as const) : (["en-US"] as const)) {
      const suffix = locale === "ko-KR" ? "-ko" : "";
      const page = await signedIn(browser, ACCOUNTS.customer, size, locale);
      await addToCart(page, "Tulip Party", HONGDAE);
      await addToCart(page, "Carnation Thanks", HONGDAE);
      await page.waitForTimeout(4800); // the "added" toast goes away
      await snap(page, `customer-${label}${suffix}`);
      await page.goto(`/orders/${ready}`);
      await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "DELIVERING", { timeout: 20_000 });
      await snap(page, `customer-order-${label}${suffix}`);
      await page.context().close();
    }
  }

  // ── store owner: the board of that shop (phone, tablet, desktop) ─────────────────────────
  for (const [size, label, locale] of [
    [PHONE, "phone", "en-US"],
    [TABLET, "tablet", "en-US"],
    [TABLET, "tablet-ko", "ko-KR"],
    [DESKTOP, "desktop", "en-US"],
  ] as const) {
    const page = await signedIn(browser, ACCOUNTS.owner, size, locale);
    await page.goto(`/board?store=${HONGDAE}&day=all`);
    await expect(page.locator(`[data-testid="board-order"][data-order-id="${fresh}"]`)).toBeVisible({ timeout: 20_000 });
    await snap(page, `owner-${label}`);
    await page.context().close();
  }

  // ── rider: the delivery under way and the open requests ──────────────────────────────────
  for (const [size, label, locale] of [
    [PHONE, "phone", "en-US"],
    [PHONE, "phone-ko", "ko-KR"],
    [DESKTOP, "desktop", "en-US"],
  ] as const) {
    const page = await signedIn(browser, ACCOUNTS.rider, size, locale);
    await expect(page.locator(`[data-testid="my-delivery"][data-order-id="${ready}"]`)).toBeVisible({ timeout: 20_000 });
    await snap(page, `rider-${label}`);
    await page.context().close();
  }
});

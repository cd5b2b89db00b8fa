// [B4] Every page, for every role, in both languages, passes axe-core with no serious or critical
// violation (WCAG 2.2 A/AA rules); open dialogs and error states are scanned too. And a customer
// who uses only the keyboard signs in, fills the cart and completes checkout, seeing where the
// focus is at every step.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, boardAllDays, expectAccessible, newSignedInPage, openBoardCard, placeOrder, SEOUL_FOREST, setStock, signIn, riderRequest, openRiderRequest } from "./support";

for (const locale of ["en-US", "ko-KR"] as const) {
  test.describe(`[B4] axe, ${locale}`, () => {
    test.use({ locale });

    test(`[B4] visitor pages (${locale})`, async ({ page }) => {
      for (const path of ["/stores", `/stores/${SEOUL_FOREST}`, "/signin", "/signup", "/checkout", "/no-such-page"]) {
        await page.goto(path);
        await expectAccessible(page, `visitor ${path}`);
      }
      // The sign-in form with its errors showing.
      await page.goto("/signin");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectAccessible(page, "visitor /signin with errors");
    });

    test(`[B4] customer pages (${locale})`, async ({ page }) => {
      test.slow(); // nine pages, each read by axe: past 60 s on a loaded 2-core machine
      await signIn(page, ACCOUNTS.customer);
      await expect(page).toHaveURL(/\/stores$/);
      await expectAccessible(page, "customer /stores");
      const orderId = await placeOrder(page, "Sunny Sunflowers", `Axe ${Date.now().toString(36)}`);
      await expectAccessible(page, "customer /orders/:id");
      await page.locator("main").getByRole("button").filter({ hasText: /Cancel order|주문 취소/ }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "customer cancel dialog");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      await page.goto(`/stores/${SEOUL_FOREST}`);
      await page.locator("button[aria-label]").filter({ hasText: /Add to cart|장바구니 담기/ }).first().click();
      await expectAccessible(page, "customer /stores/:id with a cart");
      await page.goto("/checkout");
      await expectAccessible(page, "customer /checkout");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectAccessible(page, "customer /checkout with errors");
      await page.goto("/orders");
      await expectAccessible(page, "customer /orders");
      await page.goto("/mypage");
      const row = page.locator(`[data-testid="mypage-order"][data-order-id="${orderId}"]`);
      await expect(row).toBeVisible({ timeout: 15_000 });
      await row.getByRole("button", { expanded: false }).click();
      await expectAccessible(page, "customer /mypage with a timeline open");
      // X1: the email settings screen.
      await page.goto("/mypage/notifications");
      await expect(page.getByTestId("email-settings")).toBeVisible();
      await expectAccessible(page, "customer /mypage/notifications");
    });

    test(`[B4] store owner pages (${locale})`, async ({ page, browser }) => {
      test.slow(); // nine pages, each read by axe: past 60 s on a loaded 2-core machine
      const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
      const orderId = await placeOrder(customer, "Lavender Dream", `Axe ${Date.now().toString(36)}`);
      await signIn(page, ACCOUNTS.owner);
      await expect(page).toHaveURL(/\/board$/);
      // W3: today's board (the default), then every day with a card opened.
      await expect(page.getByTestId("board-day-filter")).toBeVisible();
      await expectAccessible(page, "owner /board (today)");
      await boardAllDays(page);
      const card = await openBoardCard(page, orderId);
      await expect(card).toBeVisible({ timeout: 15_000 });
      // Opening the card may scroll the page a little; axe counts the filter chips then under the
      // sticky site header as "obscured" targets. Read the page from its top, as it opens.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectAccessible(page, "owner /board, every day, a card open");
      await card.getByRole("button", { name: /^(Reject|거절)/ }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.getByRole("dialog").locator("form button[type=submit]").click();
      await expect(page.getByRole("dialog").locator('[aria-invalid="true"]')).toHaveCount(1);
      await expectAccessible(page, "owner reject dialog with an error");
      await page.keyboard.press("Escape");
      await page.goto("/board/menu");
      await expect(page.getByTestId("menu-bouquet").first()).toBeVisible();
      await expectAccessible(page, "owner /board/menu");
      await page.goto("/board/sales");
      await expect(page.locator("[data-table=days]")).toBeVisible();
      await expectAccessible(page, "owner /board/sales");
    });

    test(`[B4] rider pages on a phone (${locale})`, async ({ browser }) => {
      const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
      await setStock(owner, SEOUL_FOREST, "Sunny Sunflowers", 15);
      const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
      const orderId = await placeOrder(customer, "Sunny Sunflowers", `Axe ${Date.now().toString(36)}`);
      await boardAllDays(owner);
      const card = await openBoardCard(owner, orderId);
      await card.getByRole("button", { name: /^(Accept|주문 수락)/ }).click({ timeout: 15_000 });
      await expect(card).toHaveAttribute("data-status", "ACCEPTED");
      await card.getByRole("button", { name: /^(Decoration done|꽃다발 완성)/ }).click();
      await expect(card).toHaveAttribute("data-status", "DECORATED");

      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, hasTouch: true });
      const rider = await context.newPage();
      await signIn(rider, ACCOUNTS.rider);
      await expect(rider).toHaveURL(/\/deliveries$/);
      const request = await riderRequest(rider, orderId);
      await expectAccessible(rider, "rider /deliveries with an open request");
      // P1: the request's card is compact; its details open in place (and are axe clean too).
      await openRiderRequest(rider, orderId);
      await expectAccessible(rider, "rider /deliveries with a request's details open");
      await request.getByRole("button", { name: /^(Claim|배송 맡기)/ }).click();
      const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
      await expect(mine).toHaveAttribute("data-status", "CLAIMED");
      await mine.getByRole("button", { name: /^(Picked up|픽업 완료)/ }).click();
      await expect(mine).toHaveAttribute("data-status", "STARTED");
      await expect(rider.getByTestId("rider-action-bar")).toBeVisible();
      // The "delivery started" toast floats over the card's first links until it times out; a
      // rider reads it and moves on, so dismiss it before measuring the page's own targets.
      const dismiss = rider.getByRole("button", { name: /Dismiss notification|알림 닫기/ });
      // Claiming and picking up (D3) show one toast each; a dismissed toast takes its button along, so one at a time.
      for (let i = 0; i < 5 && (await dismiss.count()) > 0; i++) await dismiss.first().click();
      await expect(dismiss).toHaveCount(0);
      // The action bar is fixed over the bottom of the screen; scanned at the end of the page, where
      // the page's bottom padding leaves nothing under it (axe measures targets in the viewport).
      // Lists refetch after the start (live update), so scroll once the page height has settled.
      await rider.evaluate(async () => {
        let last = -1;
        while (document.documentElement.scrollHeight !== last) {
          last = document.documentElement.scrollHeight;
          window.scrollTo(0, last);
          await new Promise((r) => setTimeout(r, 700));
        }
      });
      await expectAccessible(rider, "rider /deliveries with a delivery under way");
      await mine.getByRole("button", { name: /Mark delivered|배송 완료/ }).click();
      await expect(mine).toHaveAttribute("data-status", "COMPLETED");
      await context.close();
    });
  });
}

/** Presses Tab until `target` has focus (as a keyboard user would), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element (or, for a control drawn inside a card, its card) shows a visible ring. */
async function expectVisibleFocus(target: Locator) {
  const ring = await target.evaluate((el) => {
    const visible = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    };
    return visible(el) || visible(el.parentElement);
  });
  expect(ring, "focused element shows a focus ring").toBe(true);
}

test("[B4] a keyboard-only checkout completes an order", async ({ page }) => {
  const recipient = `Keyboard ${Date.now().toString(36)}`;
  await page.goto("/signin");
  await tabTo(page, page.locator("#email"));
  await expectVisibleFocus(page.locator("#email"));
  await page.keyboard.type(ACCOUNTS.customer);
  await page.keyboard.press("Tab");
  await page.keyboard.type("bloom1234");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/stores$/);

  const shop = page.getByRole("link", { name: "Seoul Forest Florist" });
  await tabTo(page, shop);
  await expectVisibleFocus(shop);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Seoul Forest Florist" })).toBeVisible();

  const add = page.getByRole("button", { name: "Add to cart: Sunny Sunflowers" });
  await tabTo(page, add);
  await expectVisibleFocus(add);
  await page.keyboard.press("Enter");
  const toCheckout = page.getByRole("complementary").getByRole("link", { name: "Checkout" });
  await tabTo(page, toCheckout);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout$/);

  await tabTo(page, page.getByLabel("Recipient name"));
  await page.keyboard.type(recipient);
  await page.keyboard.press("Tab");
  await page.keyboard.type("010-9876-5432");
  await page.keyboard.press("Tab");
  await page.keyboard.type("88 Eulji-ro, Jung-gu, Seoul");
  // The date starts on the first day with an open slot; the time slot is a radio group.
  const slot = page.getByRole("radiogroup").getByRole("radio", { disabled: false }).first();
  await tabTo(page, slot);
  await expectVisibleFocus(slot);
  await page.keyboard.press("Space");
  await expect(slot).toBeChecked();
  await tabTo(page, page.getByLabel("Gift card message"));
  await page.keyboard.type("Typed with the keyboard only");
  await tabTo(page, page.getByLabel("Card number"));
  await page.keyboard.type("4242424242424242");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1230");
  await page.keyboard.press("Tab");
  await page.keyboard.type("123");
  const pay = page.getByRole("button", { name: "Pay and place order" });
  await tabTo(page, pay);
  await expectVisibleFocus(pay);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByTestId("order-status")).toHaveText(/Placed|Accepted/);
  await expect(page.getByText(recipient)).toBeVisible();
});

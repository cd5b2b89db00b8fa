// [W8] The smaller defects, tried on a phone as the customer would: a price never
// wraps inside its number, the quantity steppers are 44 px touch targets, focus lands on the order
// page's heading after paying, and a cart toast does not follow the customer to another page.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, boardAllDays, openBoardCard, bouquetName, expectAccessible, fillCheckoutAndPay, fillMessage, messagesOf, newSignedInPage, placeOrder, SEOUL_FOREST, signIn } from "./support";

const PRICE = /^(₩[\d,]+|[\d,]+원)$/;

/** Every price on the page that is shown: its text and how many line boxes it takes. */
async function priceLines(page: Page): Promise<{ text: string; lines: number; height: number; lineHeight: number }[]> {
  return page.locator("main span").evaluateAll((spans, re) => {
    const price = new RegExp(re);
    return spans
      .filter((s) => price.test((s.textContent ?? "").trim()) && s.getClientRects().length > 0 && (s as HTMLElement).offsetParent !== null)
      .map((s) => {
        const style = getComputedStyle(s);
        const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
        return { text: (s.textContent ?? "").trim(), lines: s.getClientRects().length, height: s.getBoundingClientRect().height, lineHeight };
      });
  }, PRICE.source);
}

for (const width of [320, 390]) {
  test.describe(`[W8] on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 760 }, hasTouch: true });

    test(`[W8][B3][F1] no price wraps inside its number at checkout (${width} px)`, async ({ page }) => {
      await signIn(page, ACCOUNTS.customer);
      await expect(page).toHaveURL(/\/stores$/);
      await page.goto(`/stores/${SEOUL_FOREST}`);
      const m = await messagesOf(page);
      const name = await bouquetName(page, "Sunny Sunflowers");
      // Three of them, so the total has the most digits a simple order has.
      await page.getByRole("button", { name: fillMessage(m.quantity.more, { item: name }) }).first().click();
      await page.getByRole("button", { name: fillMessage(m.quantity.more, { item: name }) }).first().click();
      await page.getByRole("button", { name: fillMessage(m.menu.addAria, { name }) }).click();
      await page.goto("/checkout");
      await expect(page.getByRole("button", { name: m.checkout.pay })).toBeVisible();
      // The lines behind the phone's disclosure too.
      await page.locator("details summary").first().click();
      await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
      // The page fits the phone: nothing, price included, pushes it wider than the screen.
      const main = await page.locator("main").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(main.scroll, "main's content width").toBeLessThanOrEqual(main.client);
      const prices = await priceLines(page);
      expect(prices.length, "prices on the checkout").toBeGreaterThanOrEqual(3);
      for (const p of prices) {
        expect(p.lines, `"${p.text}" is drawn on one line`).toBe(1);
        expect(p.height, `"${p.text}" is one line high`).toBeLessThan(p.lineHeight * 1.5);
      }
    });

    test(`[W8][B4][F1] the quantity stepper's buttons are at least 44×44 px (${width} px)`, async ({ page }) => {
      await signIn(page, ACCOUNTS.customer);
      await expect(page).toHaveURL(/\/stores$/);
      await page.goto(`/stores/${SEOUL_FOREST}`);
      const m = await messagesOf(page);
      const name = await bouquetName(page, "Sunny Sunflowers");
      await page.getByRole("button", { name: fillMessage(m.menu.addAria, { name }) }).click();
      // The menu's steppers and the cart's (opened to show its lines).
      await page.getByRole("button", { name: /^Show \d+ items?$/ }).click();
      const steppers = page.locator("main [role=group] button");
      await expect(steppers.first()).toBeVisible();
      const n = await steppers.count();
      expect(n).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < n; i++) {
        const button = steppers.nth(i);
        if (!(await button.isVisible())) continue;
        const box = await button.boundingBox();
        const label = await button.getAttribute("aria-label");
        expect(box, `${label} has a box`).not.toBeNull();
        expect(box!.width, `${label} width`).toBeGreaterThanOrEqual(44);
        expect(box!.height, `${label} height`).toBeGreaterThanOrEqual(44);
      }
    });
  });
}

test.describe("[W8] after paying, on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("[W8][B4][F2][F13] the cart toast stays behind, and focus lands on the order page's heading with the confirmation", async ({ page }) => {
    await signIn(page, ACCOUNTS.customer);
    await expect(page).toHaveURL(/\/stores$/);
    await page.goto(`/stores/${SEOUL_FOREST}`);
    const m = await messagesOf(page);
    const name = await bouquetName(page, "Sunny Sunflowers");
    await page.getByRole("button", { name: fillMessage(m.menu.addAria, { name }) }).click();
    const toast = page.locator("li").filter({ hasText: fillMessage(m.menu.added.replace(/\{count\}/, "1"), { name }) });
    await expect(toast).toBeVisible();

    // To checkout by the cart's link (a client-side navigation, as a customer goes): the toast,
    // which would stay 4.5 s on its own, closes with the page it was about.
    await page.getByRole("link", { name: m.cart.checkout, exact: true }).click();
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(toast).toHaveCount(0, { timeout: 1_500 });

    await fillCheckoutAndPay(page, { card: "4242 4242 4242 4242", recipient: `Focus ${Date.now().toString(36)}` });
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toBeFocused();
    await expect(heading).toHaveAccessibleDescription(fillMessage(m.order.placedBody, { store: (await heading.textContent())!.replace(/^Order from /, "") }));
    await expect(page.getByTestId("order-placed-confirmation")).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await expect(page.locator("li").filter({ hasText: /cart|장바구니/ })).toHaveCount(0);
    await expectAccessible(page, "customer /orders/:id just placed");

    // A later visit (a reload) is not "just placed": no confirmation, focus where the browser puts it.
    await page.reload();
    await expect(heading).toBeVisible();
    await expect(page.getByTestId("order-placed-confirmation")).toHaveCount(0);
    await expect(heading).not.toBeFocused();
  });
});

for (const locale of ["en-US", "ko-KR"] as const) {
  test.describe(`[W8] a rejected order on MyPage (${locale})`, () => {
    test.use({ locale });

    test(`[W8][F6][F14] a rejected order says there will be no delivery, not that it is pending (${locale})`, async ({ browser }) => {
      const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
      const orderId = await placeOrder(customer, "Sunny Sunflowers", `NoDelivery ${Date.now().toString(36)}`);
      const m = await messagesOf(customer);

      const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
      // W3: the board opens on today with compact cards; this order is for tomorrow.
      await boardAllDays(owner);
      const card = await openBoardCard(owner, orderId);
      await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
      await card.getByRole("button", { name: /^(Reject|거절)/ }).click();
      const dialog = owner.getByRole("dialog");
      await dialog.getByLabel(/Out of flowers|꽃 재고 부족/).check();
      await dialog.locator("form button[type=submit]").click();
      await expect(card).toHaveAttribute("data-status", "REJECTED");

      await customer.goto("/mypage");
      const row = customer.locator(`[data-testid="mypage-order"][data-order-id="${orderId}"]`);
      await expect(row.getByTestId("mypage-order-status")).toHaveText(m.status.order.REJECTED, { timeout: 15_000 });
      const delivery = row.getByTestId("mypage-delivery-status");
      await expect(delivery).toHaveText(m.status.delivery.NO_DELIVERY);
      await expect(delivery).toHaveAttribute("data-status", "NO_DELIVERY");
      await expect(row).not.toContainText(m.status.delivery.NONE);
      await expectAccessible(customer, "customer /mypage with a rejected order");
    });
  });
}

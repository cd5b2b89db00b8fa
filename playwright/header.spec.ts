// [P1][W8] The site header on the narrowest phone (320 px): brand, language switch, cart and the
// account's button fit on one row for every role and both languages; nothing makes the page wider
// than the screen, and the language switch keeps its accessible name when it shows only its icon.
import { expect, test, type Page } from "@playwright/test";
import { acceptAndDecorate, ACCOUNTS, addToCart, claimDelivery, expectAccessible, messagesOf, newSignedInPage, placeOrder, riderDelivery, riderRequest, signIn } from "./support";

/** How far the header's controls reach past the screen's right edge (0 = they fit). */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector("header")!;
    const right = Math.max(...Array.from(header.querySelectorAll("a, button")).filter((el) => el.getClientRects().length > 0 && !el.closest("nav")).map((el) => el.getBoundingClientRect().right));
    return { page: document.documentElement.scrollWidth - window.innerWidth, controls: Math.max(0, right - window.innerWidth) };
  });
}

for (const locale of ["ko-KR", "en-US"] as const) {
  test.describe(`[P1][W8] the header on a 320 px phone (${locale})`, () => {
    test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, locale });

    test(`[P1][W8] a visitor's header fits (${locale})`, async ({ page }) => {
      await page.goto("/stores");
      const m = await messagesOf(page);
      await expect(page.getByTestId("locale-switcher")).toBeVisible();
      await expect(page.getByRole("button", { name: new RegExp(m.language.switchTo) })).toBeVisible();
      expect(await overflowOf(page)).toEqual({ page: 0, controls: 0 });
    });

    test(`[P1][W8] a customer's header with a cart fits (${locale})`, async ({ page }) => {
      await signIn(page, ACCOUNTS.customer);
      await expect(page).toHaveURL(/\/stores$/);
      await addToCart(page, "Sunny Sunflowers");
      await expect(page.locator('header a[href="/checkout"]')).toBeVisible();
      expect(await overflowOf(page)).toEqual({ page: 0, controls: 0 });
      await expectAccessible(page, `a shop on a 320 px phone (${locale})`);
    });

    for (const [role, email, home] of [
      ["owner", ACCOUNTS.owner, /\/board/],
      ["rider", ACCOUNTS.rider, /\/deliveries$/],
    ] as const) {
      test(`[P1][W8] the ${role}'s header fits (${locale})`, async ({ page }) => {
        await signIn(page, email);
        await expect(page).toHaveURL(home);
        await expect(page.getByTestId("locale-switcher")).toBeVisible();
        expect(await overflowOf(page)).toEqual({ page: 0, controls: 0 });
      });
    }

    // With deliveries on it, the rider screen once scrolled sideways by 16–21 px at 320 px: each
    // card's header kept the shop and a nowrap status badge ("Claimed — go to the shop") on one row,
    // a request's Details and Claim buttons did not fit side by side, and the lists' grid column
    // grew to its widest card.
    // This test makes its own claimed delivery and open request, whatever ran before it.
    test(`[P1][W8] the rider's screen with a claimed delivery and an open request is no wider than a 320 px phone (${locale})`, async ({ page, browser }) => {
      test.setTimeout(120_000);
      // The orders, the board and the claim in English on a desktop (the helpers' language); the check on the phone, in this locale.
      const desktop = { locale: "en-US", viewport: { width: 1280, height: 800 }, hasTouch: false };
      const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/, desktop);
      const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board/, desktop);
      const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/, desktop);
      const [claimed, open] = [await placeOrder(customer), await placeOrder(customer)];
      await acceptAndDecorate(owner, claimed);
      await acceptAndDecorate(owner, open);
      await claimDelivery(rider, claimed);
      await signIn(page, ACCOUNTS.rider);
      await expect(page).toHaveURL(/\/deliveries$/);
      await expect(riderDelivery(page, claimed)).toHaveAttribute("data-status", "CLAIMED");
      const request = await riderRequest(page, open);
      expect(await overflowOf(page)).toEqual({ page: 0, controls: 0 });
      // The toggle's name starts with what it shows, then says whose request, once (B4, label in name).
      const r = (await messagesOf(page)).rider;
      const toggle = request.getByTestId("open-delivery-toggle");
      const nameOf = (shown: string) => new RegExp(`^${shown} · (?!.*${shown}).+$`);
      await expect(toggle).toHaveAccessibleName(nameOf(r.details));
      // Opened, its toggle reads "Hide details" (the longest label): the row still fits.
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(toggle).toHaveAccessibleName(nameOf(r.hideDetails));
      expect(await overflowOf(page)).toEqual({ page: 0, controls: 0 });
      for (const p of [customer, owner, rider]) await p.context().close();
    });
  });
}

// [B3] Korean and English: the same customer journey in both languages, with every page checked
// for untranslated keys (next-intl renders a missing message as its "namespace.key" and reports it
// with "[i18n]" in the console), for words of the other language in the interface, and for prices
// in won. The language follows the browser and the visible switch, which a cookie remembers.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, addToCart, checkout, MESSAGES, messagesOf, SEOUL_FOREST, signIn } from "./support";

type Lang = "en" | "ko";
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));
}

// An untranslated message shows as its key path, which starts with one of the namespaces.
const KEY_PATTERN = new RegExp(`\\b(?:${Object.keys(MESSAGES.en).join("|")})\\.[A-Za-z][\\w.]*`, "g");
// Interface words that exist in one language only (not names, codes or prices shared by both).
const ONLY_IN = {
  en: new Set(leaves(MESSAGES.en as unknown as Tree).filter((w) => !/[{<]/.test(w) && w.length > 2 && !leaves(MESSAGES.ko as unknown as Tree).includes(w))),
  ko: new Set(leaves(MESSAGES.ko as unknown as Tree).filter((w) => !/[{<]/.test(w) && w.length > 1 && !leaves(MESSAGES.en as unknown as Tree).includes(w))),
};

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("[i18n]")) problems.push(m.text());
  });
  return problems;
}

/** The page is entirely in `lang`: no key paths, no interface words of the other language. */
async function expectTranslated(page: Page, lang: Lang, what: string, problems: string[]) {
  // Data loaded (no skeletons), so every message of the page is on screen.
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(300);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const { text, labels, chrome } = await page.evaluate(() => {
    const attrs = Array.from(document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")).flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""),
    );
    const words = Array.from(document.querySelectorAll("main h1, main h2, main h3, button, label, legend, th, dt, nav a, [role=status], [role=alert]")).map((el) =>
      (el as HTMLElement).innerText.trim(),
    );
    return { text: document.body.innerText, labels: attrs.join("\n"), chrome: words.filter(Boolean) };
  });
  expect([...`${text}\n${labels}`.matchAll(KEY_PATTERN)].map((m) => m[0]), `${what}: untranslated keys`).toEqual([]);
  const other = lang === "en" ? ONLY_IN.ko : ONLY_IN.en;
  expect(
    chrome.filter((w) => other.has(w)),
    `${what}: interface words of the other language`,
  ).toEqual([]);
  expect(problems, `${what}: next-intl errors in the console`).toEqual([]);
}

for (const lang of ["ko", "en"] as const) {
  test(`[B3] the customer journey in ${lang === "ko" ? "Korean" : "English"}, fully translated`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === "ko" ? "ko-KR" : "en-US" });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const m = MESSAGES[lang];

    await page.goto("/stores");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.stores.title);
    await expectTranslated(page, lang, "/stores", problems);

    await page.goto(`/stores/${SEOUL_FOREST}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "ko" ? "서울숲 꽃집" : "Seoul Forest Florist");
    await expect(page.getByText("₩59,000").first()).toBeVisible();
    await addToCart(page, "Red Rose Classic");
    await expect(page.getByRole("status").filter({ hasText: lang === "ko" ? "빨간 장미 클래식" : "Red Rose Classic" }).first()).toBeVisible();
    await expectTranslated(page, lang, "/stores/:id with a cart", problems);

    await page.goto("/checkout");
    await expect(page.getByRole("heading", { name: m.checkout.signInTitle })).toBeVisible();
    await expectTranslated(page, lang, "/checkout as a visitor", problems);

    await page.goto("/signin");
    await expectTranslated(page, lang, "/signin", problems);
    await signIn(page, ACCOUNTS.customer);
    await expect(page).toHaveURL(/\/stores$/);

    // Field errors from the shared zod schema, in this language.
    await page.goto("/checkout");
    await page.getByRole("button", { name: m.checkout.pay }).click();
    await expect(page.getByText(m.validation.delivery.recipientName.required)).toBeVisible();
    await expect(page.getByText(m.validation.card.number.required)).toBeVisible();
    await expectTranslated(page, lang, "/checkout with field errors", problems);

    // A refusal from the server (domain code PAYMENT_DECLINED), in this language.
    await checkout(page, "4000 0000 0000 0002", `B3 ${lang} ${Date.now().toString(36)}`);
    await expect(page.getByRole("alert").filter({ hasText: m.errors.domain.PAYMENT_DECLINED })).toBeVisible();
    await expectTranslated(page, lang, "/checkout with a declined card", problems);

    await checkout(page, "4242 4242 4242 4242", `B3 ${lang} ${Date.now().toString(36)}`);
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("order-status")).toHaveText(new RegExp(`${m.status.order.PLACED}|${m.status.order.ACCEPTED}`));
    // W5: the order names the shop in the page's language.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.order.title.replace("{store}", lang === "ko" ? "서울숲 꽃집" : "Seoul Forest Florist"));
    await expectTranslated(page, lang, "/orders/:id", problems);

    await page.goto("/orders");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.orders.title);
    await expectTranslated(page, lang, "/orders", problems);

    await page.goto("/mypage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.mypage.title);
    await expect(page.getByTestId("mypage-order-status").first()).toBeVisible({ timeout: 15_000 });
    await expectTranslated(page, lang, "/mypage", problems);
    await context.close();
  });
}

test("[B3] the language switch changes the whole page and is remembered", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/stores");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("locale-switcher").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MESSAGES.ko.stores.title);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("ko");
  await page.getByTestId("locale-switcher").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await messagesOf(page)).stores.title).toBe("Flower shops");
  await context.close();
});

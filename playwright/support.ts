// Shared steps for the journeys: sign in through the real form, order through the real checkout.
// The steps find controls by their visible labels in the page's language (B3): the words come from
// the app's own message files, so the same step works on the English and the Korean UI.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_STORES } from "../packages/db/src/seed-data";

export const PASSWORD = "bloom1234";
export const ACCOUNTS = {
  customer: "customer@bloom.test",
  owner: "owner@bloom.test",
  rider: "rider@bloom.test",
} as const;
export const SEOUL_FOREST = "10000000-0000-4000-8000-000000000001";
export const HONGDAE = "10000000-0000-4000-8000-000000000002";

type Messages = typeof import("../apps/web/src/i18n/messages/en.json");
const messagesDir = path.join(import.meta.dirname, "../apps/web/src/i18n/messages");
export const MESSAGES: Record<"en" | "ko", Messages> = {
  en: JSON.parse(fs.readFileSync(path.join(messagesDir, "en.json"), "utf8")),
  ko: JSON.parse(fs.readFileSync(path.join(messagesDir, "ko.json"), "utf8")),
};

/** The messages of the language the page is shown in (<html lang>). */
export async function messagesOf(page: Page): Promise<Messages> {
  return (await page.locator("html").getAttribute("lang")) === "ko" ? MESSAGES.ko : MESSAGES.en;
}

/** Fills a simple message's {arguments}: "Add to cart: {name}" → "Add to cart: Red Rose Classic". */
export const fillMessage = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** A seeded bouquet's name as the page shows it: `nameKo` on the Korean UI. */
export async function bouquetName(page: Page, name: string): Promise<string> {
  if ((await page.locator("html").getAttribute("lang")) !== "ko") return name;
  for (const s of DEMO_STORES) for (const b of s.bouquets) if (b[0] === name) return b[1];
  return name;
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  const m = await messagesOf(page);
  await page.getByLabel(m.auth.signIn.email).fill(email);
  await page.getByLabel(m.auth.signIn.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: m.auth.signIn.submit, exact: true }).click();
}

export async function newSignedInPage(browser: Browser, email: string, home: RegExp, options?: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
}

/** Today's date (YYYY-MM-DD) in Seoul: the board's and the shops' day. */
export const todayInSeoul = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
/** A YYYY-MM-DD date n days later (earlier when n < 0). */
export const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Tomorrow's date (YYYY-MM-DD) in Seoul, so every slot is open whenever the test runs. */
export function tomorrowInSeoul(): string {
  return plusDays(todayInSeoul(), 1);
}

/** Runs `fn` on a connection of its own to the test database (journeys that seed rows straight into a table). */
export async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function addToCart(page: Page, bouquet: string, storeId = SEOUL_FOREST) {
  await page.goto(`/stores/${storeId}`);
  const m = await messagesOf(page);
  await page.getByRole("button", { name: fillMessage(m.menu.addAria, { name: await bouquetName(page, bouquet) }) }).click();
}

export async function checkout(page: Page, card: string, recipient = "Soyeon Yoon") {
  await page.goto("/checkout");
  await fillCheckoutAndPay(page, { card, recipient, giftMessage: "Happy birthday, with love" });
}

/** The checkout form as the customer fills it, on the page already open (no reload), for tomorrow's first slot; then Pay. */
export async function fillCheckoutAndPay(page: Page, o: { card: string; recipient: string; giftMessage?: string }) {
  const m = (await messagesOf(page)).checkout;
  await page.getByLabel(m.recipient.name).fill(o.recipient);
  await page.getByLabel(m.recipient.phone).fill("010-9876-5432");
  await page.getByLabel(m.delivery.address).fill("88 Eulji-ro, Jung-gu, Seoul");
  await page.getByLabel(m.delivery.date).fill(tomorrowInSeoul());
  await page.getByRole("radio").first().check();
  if (o.giftMessage !== undefined) await page.getByLabel(m.message.gift).fill(o.giftMessage);
  await page.getByLabel(m.card.number).fill(o.card);
  await page.getByLabel(m.card.expiry).fill("12/30");
  await page.getByLabel(m.card.cvc).fill("123");
  await page.getByRole("button", { name: m.pay }).click();
}

/** Orders one bouquet as the signed-in customer and returns the new order's id. */
export async function placeOrder(page: Page, bouquet = "Sunny Sunflowers", recipient = "Soyeon Yoon", storeId = SEOUL_FOREST): Promise<string> {
  await addToCart(page, bouquet, storeId);
  await checkout(page, "4242 4242 4242 4242", recipient);
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/**
 * Sets a bouquet's stock from the owner's menu editor (as the owner would). Journeys that accept
 * orders take stock away; setting it first keeps the demo menu from selling out run after run.
 */
export async function setStock(owner: Page, storeId: string, bouquet: string, stock: number) {
  await owner.goto(`/board/menu?store=${storeId}`);
  const m = (await messagesOf(owner)).menuEditor.row;
  const name = await bouquetName(owner, bouquet);
  await owner.getByLabel(fillMessage(m.stockOf, { name })).fill(String(stock));
  await owner.getByRole("button", { name: fillMessage(m.saveAria, { name }) }).click();
  await expect(owner.getByTestId("menu-bouquet").filter({ hasText: name }).getByRole("status")).toHaveText(m.saved);
}

/** [B4] No serious or critical axe-core violation (WCAG 2.2 A/AA rules) on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  // Let data load and entrance animations settle: axe reads colours as they are on screen.
  // (Not "networkidle": the live-updates stream keeps a request open.)
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
  // Entrance animations (finite ones; a "new order" pulse repeats forever) have finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 15_000 });
  // The board is read from the top of the page: opening a card lower down scrolls the alerts
  // above the lanes under the sticky header, and a target the header covers is not undersized
  // (axe's target-size counts only its unobscured part). The scroll comes back after. (Not on
  // every page: the rider's screen is read at its end, clear of its fixed action bar.)
  const scrolled = await page.evaluate(() => {
    const at = { x: window.scrollX, y: window.scrollY };
    if (window.location.pathname.startsWith("/board")) window.scrollTo(0, 0);
    return at;
  });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  await page.evaluate(({ x, y }) => window.scrollTo(x, y), scrolled);
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `${what}: serious or critical axe violations`).toEqual([]);
}

/** W3: the board opens on today; orders in tests are for tomorrow, so journeys look at every day. */
export async function boardAllDays(owner: Page) {
  await owner.goto("/board?day=all");
}

/** W3: an order's card on the board, opened (compact cards show their details and actions when opened). */
export async function openBoardCard(owner: Page, orderId: string) {
  const card = owner.locator(`[data-testid="board-order"][data-order-id="${orderId}"]`);
  const toggle = card.getByTestId("board-card-toggle");
  await expect(toggle).toBeVisible({ timeout: 15_000 });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return card;
}

/** F4, F5: the shop accepts a new order and finishes the bouquet (on the board's every day, its card opened); returns the card (DECORATED). */
export async function acceptAndDecorate(owner: Page, orderId: string): Promise<Locator> {
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");
  return card;
}

/** An order's open delivery request on the rider screen. */
export const openDeliveryRequest = (rider: Page, orderId: string) => rider.locator(`[data-testid="open-delivery"][data-order-id="${orderId}"]`);

/** The rider's card of a delivery they hold. */
export const riderDelivery = (rider: Page, orderId: string) => rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);

/** F5, D3: the rider claims the order's open delivery request; returns their card of it (CLAIMED: not picked up yet). */
export async function claimDelivery(rider: Page, orderId: string): Promise<Locator> {
  const request = await riderRequest(rider, orderId);
  await request.getByRole("button", { name: /^Claim/ }).click();
  const mine = riderDelivery(rider, orderId);
  await expect(mine).toHaveAttribute("data-status", "CLAIMED", { timeout: 15_000 });
  return mine;
}

/** D3: the rider has the bouquet (the pickup): the delivery is under way. */
export async function pickUp(mine: Locator) {
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED", { timeout: 15_000 });
}

/**
 * P1: an open delivery request on the rider's screen. The screen shows the first requests and
 * more on "Show more" (a busy market holds up to 60): shows more until this order's request is
 * there (it may also still be on its way, live). The card is compact: Claim is on it; its
 * addresses open with `openRiderRequest`.
 */
export async function riderRequest(rider: Page, orderId: string, timeout = 15_000) {
  const request = rider.locator(`[data-testid="open-delivery"][data-order-id="${orderId}"]`);
  const more = rider.getByTestId("rider-open-more");
  await expect(async () => {
    if (!(await request.isVisible()) && (await more.isVisible())) await more.click();
    await expect(request).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout });
  return request;
}

/** The request with its details (addresses, recipient, what is carried) opened. */
export async function openRiderRequest(rider: Page, orderId: string, timeout = 15_000) {
  const request = await riderRequest(rider, orderId, timeout);
  const toggle = request.getByTestId("open-delivery-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return request;
}

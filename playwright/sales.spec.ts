// [W7] The owner's sales: the page in English and Korean shows the charts and the per-day table
// with the figures an independent SQL query over the orders gives; the CSV downloads with a BOM
// and the same figures; another owner gets a 404 for both; axe on the page.
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import pg from "pg";
import { ACCOUNTS, expectAccessible, messagesOf, newSignedInPage, placeOrder, SEOUL_FOREST, signIn } from "./support";

const todayInSeoul = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());

/** Today's earned orders and revenue at Seoul Forest, straight from the order and payment rows. */
async function todayFromSql() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ orders: number; revenue: string | null }>(
      `SELECT count(*)::int AS orders, sum(o.total_won) AS revenue
       FROM ordering_orders o JOIN payment_payments p ON p.order_id = o.id
       WHERE o.store_id = $1 AND to_char(o.created_at + interval '9 hours', 'YYYY-MM-DD') = $2
         AND o.status::text NOT IN ('REJECTED', 'CANCELLED') AND p.status = 'APPROVED'`,
      [SEOUL_FOREST, todayInSeoul()],
    );
    return { orders: rows[0]!.orders, revenueWon: Number(rows[0]!.revenue ?? 0) };
  } finally {
    await c.end();
  }
}

const won = (n: number, lang: "en" | "ko") => `₩${n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US")}`;

async function checkPage(owner: Page, lang: "en" | "ko") {
  await owner.goto(`/board/sales?store=${SEOUL_FOREST}`);
  const m = (await messagesOf(owner)).sales;
  await expect(owner.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
  const expected = await todayFromSql();
  expect(expected.orders).toBeGreaterThan(0);
  // Charts: images with their names, drawn on the server.
  for (const name of [m.charts.revenuePerDay, m.charts.ordersPerDay, m.charts.perSlot, m.charts.topBouquets]) {
    await expect(owner.getByRole("img", { name })).toBeVisible();
  }
  // Today's row of the per-day table equals the SQL.
  const row = owner.locator(`[data-table=days] tr[data-day="${todayInSeoul()}"]`);
  await expect(row.locator("td").nth(0)).toHaveText(expected.orders.toLocaleString(lang === "ko" ? "ko-KR" : "en-US"));
  await expect(row.locator("td").nth(1)).toHaveText(won(expected.revenueWon, lang));
  // "Show as table" opens the revenue chart's numbers.
  const chart = owner.locator("[data-chart=chart-revenue]");
  await chart.getByText(m.charts.showAsTable).click();
  await expect(chart.getByRole("table")).toBeVisible();
  await expect(chart.getByRole("row")).toHaveCount(31);
  await expectAccessible(owner, `owner /board/sales (${lang})`);

  // The per-day CSV: BOM, the localized header, today's figures.
  const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("link", { name: m.export.days }).click()]);
  const shop = lang === "ko" ? "서울숲-꽃집" : "Seoul-Forest-Florist";
  expect(download.suggestedFilename()).toMatch(new RegExp(`^bloom-sales-${shop}-\\d{4}-\\d{2}-\\d{2}_${todayInSeoul()}-days\\.csv$`));
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe([m.csv.day, m.csv.orders, m.csv.revenueWon, m.csv.deliveryFeeWon, m.csv.refunds, m.csv.refundedWon].join(","));
  expect(lines).toHaveLength(31);
  const today = lines.find((l) => l.startsWith(todayInSeoul()))!.split(",");
  expect([Number(today[1]), Number(today[2])]).toEqual([expected.orders, expected.revenueWon]);
}

test.describe("[W7] sales at a glance", () => {
  test.beforeAll(async ({ browser }) => {
    const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
    await placeOrder(customer, "Sunny Sunflowers", `Sales ${Date.now().toString(36)}`);
    await customer.context().close();
  });

  for (const locale of ["en-US", "ko-KR"] as const) {
    test(`[W7] the owner sees the charts and the table and downloads the CSV (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale, acceptDownloads: true });
      const owner = await context.newPage();
      await signIn(owner, ACCOUNTS.owner);
      await expect(owner).toHaveURL(/\/board/);
      await checkPage(owner, locale === "ko-KR" ? "ko" : "en");
      await context.close();
    });
  }

  test("[W7] a bad period is refused on the page; another owner gets a 404 for the page and the CSV", async ({ page, browser }) => {
    await signIn(page, ACCOUNTS.owner);
    await expect(page).toHaveURL(/\/board/);
    await page.goto(`/board/sales?store=${SEOUL_FOREST}&from=2026-02-30`);
    const m = (await messagesOf(page)).sales;
    await expect(page.getByRole("alert").filter({ hasText: m.errors.title })).toContainText(m.errors.notADate);
    await expectAccessible(page, "owner /board/sales with a bad period");
    const bad = await page.request.get(`/board/sales/csv?kind=days&store=${SEOUL_FOREST}&from=2026-12-05&to=2026-12-01`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("from:");

    const other = await newSignedInPage(browser, "owner2@bloom.test", /\/board/);
    const page404 = await other.goto(`/board/sales?store=${SEOUL_FOREST}`);
    expect(page404?.status()).toBe(404);
    for (const kind of ["days", "orders"]) {
      const r = await other.request.get(`/board/sales/csv?kind=${kind}&store=${SEOUL_FOREST}`);
      expect(r.status(), kind).toBe(404);
    }
    await other.context().close();
  });
});

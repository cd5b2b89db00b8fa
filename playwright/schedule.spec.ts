// [D2] When a shop delivers: the owner closes a weekday, adds a closure and limits a slot to one
// order on the owner's screen; the customer, in a browser of their own, sees the hours and the
// closure on the shop page, cannot book the closed days, and finds a slot "Full" once it is taken.
// The shop's seeded schedule is put back afterwards, so the other journeys find it as seeded.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_SCHEDULES } from "../packages/db/src/seed-schedule";
import { ACCOUNTS, addToCart, expectAccessible, fillMessage, messagesOf, newSignedInPage, signIn } from "./support";

const GANGNAM = "10000000-0000-4000-8000-000000000003";
const NOTE = "Staff training (e2e)";

const todaySeoul = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** ISO weekday index, Monday 0 — the owner screen's order. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

// Three weekdays (Mon-Fri: Gangnam's seeded full days) from the day after tomorrow on, each on a
// different weekday: one to close every week, one for a dated closure, one left open. The open day
// is one whose 12-15 slot no earlier run on this database has booked (the test books it, and the
// owner allows one order per slot), so the journey runs again on the same database.
async function pickDays() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const days: string[] = [];
    for (let i = 2; days.length < 3; i++) {
      const d = plusDays(todaySeoul(), i);
      if (weekday(d) > 4 || days.some((x) => weekday(x) === weekday(d))) continue;
      if (days.length === 2) {
        const { rows } = await c.query(`SELECT booked FROM store_slot_counts WHERE store_id = $1 AND delivery_date = $2 AND time_slot = '12-15' AND booked > 0`, [GANGNAM, d]);
        if (rows.length > 0) continue;
      }
      days.push(d);
    }
    return { closedWeekday: days[0]!, closure: days[1]!, open: days[2]! };
  } finally {
    await c.end();
  }
}
async function restoreSeededSchedule() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const s = DEMO_SCHEDULES[GANGNAM]!;
    await c.query(
      `UPDATE store_stores SET weekly_hours = $2::jsonb, lead_time_minutes = $3, slot_cutoff_minutes = $4, slot_capacity = $5 WHERE id = $1`,
      [GANGNAM, JSON.stringify(s.weeklyHours), s.leadTimeMinutes, s.slotCutoffMinutes, s.slotCapacity],
    );
    await c.query(`DELETE FROM store_closures WHERE store_id = $1 AND note = $2`, [GANGNAM, NOTE]);
  } finally {
    await c.end();
  }
}

async function fillRecipient(page: Page, date: string) {
  const m = (await messagesOf(page)).checkout;
  await page.getByLabel(m.recipient.name).fill("Jiwoo Seo");
  await page.getByLabel(m.recipient.phone).fill("010-9876-5432");
  await page.getByLabel(m.delivery.address).fill("301 Teheran-ro, Gangnam-gu, Seoul");
  await page.getByLabel(m.delivery.date).fill(date);
}

test.describe("[D2] delivery schedule", () => {
  test.afterAll(restoreSeededSchedule);

  test("[D2] the owner sets hours, a closure and a capacity; the customer's checkout follows them", async ({ browser }) => {
    await restoreSeededSchedule();
    const days = await pickDays();
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board/);
    await owner.goto(`/board/hours?store=${GANGNAM}`);
    const o = (await messagesOf(owner)).schedule;
    const dayName = o.weekday[String(weekday(days.closedWeekday)) as "0"];
    await owner.getByLabel(fillMessage(o.owner.openOn, { day: dayName })).uncheck();
    await owner.getByLabel(o.owner.capacity).fill("1");
    await owner.getByRole("button", { name: o.owner.save }).click();
    await expect(owner.getByRole("status").filter({ hasText: o.owner.saved })).toBeVisible();

    await owner.getByLabel(o.owner.startsOn).fill(days.closure);
    await owner.getByLabel(o.owner.endsOn).fill(days.closure);
    await owner.getByLabel(o.owner.note).fill(NOTE);
    await owner.getByRole("button", { name: o.owner.addClosure }).click();
    await expect(owner.getByTestId("owner-closures")).toContainText(NOTE);
    await expectAccessible(owner, "owner /board/hours");

    // The customer, in a browser of their own.
    const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
    await customer.goto(`/stores/${GANGNAM}`);
    const c = (await messagesOf(customer)).schedule;
    const hours = customer.getByTestId("delivery-hours");
    await expect(hours.getByText(dayName, { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText(c.shop.closedAllDay);
    await expect(hours.getByTestId("closures")).toContainText(NOTE);

    await addToCart(customer, "Hydrangea Box", GANGNAM);
    await customer.goto("/checkout");
    const m = (await messagesOf(customer)).checkout;
    const radios = customer.getByRole("radio");

    // The weekly closed day and the dated closure: every slot "Closed", the date says why, no slot to pick.
    await fillRecipient(customer, days.closedWeekday);
    await expect(radios).toHaveCount(4);
    for (const r of await radios.all()) await expect(r).toBeDisabled();
    await expect(customer.getByRole("radio", { name: new RegExp(c.reason.closed) })).toHaveCount(4);
    await expect(customer.getByText(c.checkout.closedDay)).toBeVisible();
    await customer.getByLabel(m.delivery.date).fill(days.closure);
    await expect(customer.getByText(fillMessage(c.checkout.closedDayNote, { note: NOTE }))).toBeVisible();
    for (const r of await radios.all()) await expect(r).toBeDisabled();

    // An open day: book its 12-15 slot, the only unit the owner allowed.
    await customer.getByLabel(m.delivery.date).fill(days.open);
    await expect(radios.nth(1)).toBeEnabled();
    await radios.nth(1).check();
    await customer.getByLabel(m.card.number).fill("4242 4242 4242 4242");
    await customer.getByLabel(m.card.expiry).fill("12/30");
    await customer.getByLabel(m.card.cvc).fill("123");
    await customer.getByRole("button", { name: m.pay }).click();
    await expect(customer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);

    // The next customer finds that slot full, the others of the day still open.
    await addToCart(customer, "Hydrangea Box", GANGNAM);
    await customer.goto("/checkout");
    await fillRecipient(customer, days.open);
    await expect(radios.nth(1)).toBeDisabled();
    await expect(radios.nth(1)).toHaveAccessibleName(new RegExp(c.reason.full));
    await expect(radios.nth(2)).toBeEnabled();
  });

  for (const locale of ["en-US", "ko-KR"] as const) {
    test(`[D2][B4] the owner's delivery hours screen passes axe (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await signIn(page, ACCOUNTS.owner);
      await expect(page).toHaveURL(/\/board/);
      await page.goto(`/board/hours?store=${GANGNAM}`);
      const o = (await messagesOf(page)).schedule.owner;
      await expect(page.getByRole("heading", { name: o.title, level: 1 })).toBeVisible();
      await expectAccessible(page, `owner /board/hours (${locale})`);
      // With an error showing: a negative lead time.
      await page.getByLabel(o.leadTime).fill("-5");
      await page.getByRole("button", { name: o.save }).click();
      await expect(page.getByText(o.errors.leadTimeMinutes)).toBeVisible();
      await expectAccessible(page, `owner /board/hours with errors (${locale})`);
      await context.close();
    });
  }
});

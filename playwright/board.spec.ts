// [W3] A board for a busy day (Parents' Day at Hongdae): 300 orders across three days, some of them
// pre-orders placed weeks ago. Every open order is reachable through the day filter, the slot
// filter narrows, the page stays light, an accepted card stays in view in its new lane, and a
// customer's cancellation rings in with its time and reason. The 300 are written straight into
// the board's table (they never go through the worker) and removed afterwards.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, HONGDAE, newSignedInPage, openBoardCard, placeOrder, plusDays, setStock, todayInSeoul, tomorrowInSeoul, withDb } from "./support";

const MARK = "W3 Busy";
const SLOTS = ["09-12", "12-15", "15-18", "18-21"] as const;

type Seeded = { id: string; date: string; slot: string; open: boolean };

const removeSeeded = () => withDb((c) => c.query(`DELETE FROM store_orders WHERE recipient_name LIKE $1`, [`${MARK} %`]));

/** 240 open orders (New and Accepted; every tenth placed 40 days ago) and 60 finished ones, over today and the next two days. */
async function seedBusyDay(): Promise<Seeded[]> {
  const today = todayInSeoul();
  const days = [today, plusDays(today, 1), plusDays(today, 2)];
  const seeded: Seeded[] = [];
  await withDb(async (c) => {
    await c.query(`DELETE FROM store_orders WHERE recipient_name LIKE $1`, [`${MARK} %`]);
    for (let i = 0; i < 300; i++) {
      const date = days[i % 3]!;
      const slot = SLOTS[Math.floor(i / 3) % 4]!;
      const open = i < 240;
      const status = open ? (i % 2 ? "ACCEPTED" : "NEW") : "DECORATED";
      const createdAgo = i % 10 === 0 ? "40 days" : `${i + 5} minutes`;
      const { rows } = await c.query<{ order_id: string }>(
        `INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot,
           created_at, updated_at, picked_up_at, delivered_at, rider_name)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1, $2::"StoreOrderStatus", $3::jsonb, 33000, $4, '010-2222-3333', '12 Wausan-ro, Mapo-gu, Seoul', $5, $6,
           (now() AT TIME ZONE 'UTC') - interval '${createdAgo}', (now() AT TIME ZONE 'UTC') - interval '${i} minutes',
           ${open ? "NULL" : `(now() AT TIME ZONE 'UTC') - interval '${i} minutes'`}, ${open ? "NULL" : `(now() AT TIME ZONE 'UTC') - interval '${i} minutes'`},
           ${open ? "NULL" : "'Minho Kim'"})
         RETURNING order_id`,
        [HONGDAE, status, JSON.stringify([{ bouquetId: "00000000-0000-4000-8000-000000000000", name: "Carnation Thanks", unitPriceWon: 33000, quantity: 1 + (i % 3) }]), `${MARK} ${i}`, date, slot],
      );
      seeded.push({ id: rows[0]!.order_id, date, slot, open });
    }
  });
  return seeded;
}

/** The order ids on the cards of the given lanes, as rendered now. */
const idsIn = (page: Page, lanes: string[]) =>
  page.locator(lanes.map((l) => `[data-lane="${l}"] [data-testid="board-order"]`).join(", ")).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.orderId!));

async function pickDay(page: Page, day: string) {
  await page.getByTestId("board-day-filter").locator(`[data-day="${day}"]`).click();
  await expect(page.getByTestId("board-day-filter").locator(`[data-day="${day}"]`)).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
}

/** Whether the element's box lies inside the window and inside the lane that scrolls it. */
async function inView(card: Locator) {
  return card.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const lane = el.closest("[data-testid=board-lane-scroll]")!.getBoundingClientRect();
    const top = Math.max(0, lane.top);
    const bottom = Math.min(window.innerHeight, lane.bottom);
    // The card's heading row at least: a tall open card may run past the lane's foot.
    return r.top >= top - 1 && r.top + Math.min(r.height, 60) <= bottom + 1;
  });
}

test.describe("[W3] a board for a busy day", () => {
  let seeded: Seeded[] = [];
  test.beforeAll(async () => {
    seeded = await seedBusyDay();
  });
  test.afterAll(removeSeeded);

  test("[W3] 300 orders over 3 days: every open order is reachable by day, the slot filter narrows, Done pages, the page stays light", async ({ browser }) => {
    const today = todayInSeoul();
    const days = [today, plusDays(today, 1), plusDays(today, 2)];
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await owner.goto(`/board?store=${HONGDAE}`);

    // Today is the default; its chip counts today's open orders.
    const todayChip = owner.getByTestId("board-day-filter").locator(`[data-day="${today}"]`);
    await expect(todayChip).toHaveAttribute("aria-pressed", "true");
    const openOf = (day: string) => seeded.filter((s) => s.open && s.date === day).map((s) => s.id);
    await expect.poll(async () => (await idsIn(owner, ["new", "accepted"])).filter((id) => openOf(today).includes(id)).length, { timeout: 15_000 }).toBe(openOf(today).length);

    // Every open order, however old, is on the board of its day (no cap across lanes).
    const reached = new Set<string>();
    for (const day of days) {
      if (day !== today) await pickDay(owner, day);
      await expect.poll(async () => (await idsIn(owner, ["new", "accepted"])).filter((id) => openOf(day).includes(id)).length, { timeout: 15_000 }).toBe(openOf(day).length);
      for (const id of await idsIn(owner, ["new", "accepted"])) reached.add(id);
      // A day's board shows that day only (today: and what is overdue).
      const dates = await owner.locator('[data-lane] [data-testid="board-order"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.date!));
      expect(dates.every((d) => (day === today ? d <= today : d === day)), `day ${day}`).toBe(true);
    }
    expect(seeded.filter((s) => s.open).every((s) => reached.has(s.id))).toBe(true);

    // Open lanes in slot order.
    const slots = await owner.locator('[data-lane="accepted"] [data-testid="board-order"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.slot!));
    expect(slots).toEqual([...slots].sort());

    // The slot filter narrows the day to one slot.
    await owner.getByLabel("Time slot").selectOption("15-18");
    await expect(owner).toHaveURL(/slot=15-18/);
    await expect.poll(async () => owner.locator('[data-lane] [data-testid="board-order"]').evaluateAll((els) => els.every((e) => (e as HTMLElement).dataset.slot === "15-18")), { timeout: 15_000 }).toBe(true);
    expect(await idsIn(owner, ["new", "accepted"])).toEqual(expect.arrayContaining(seeded.filter((s) => s.open && s.date === days[2] && s.slot === "15-18").map((s) => s.id)));
    await owner.getByLabel("Time slot").selectOption("");
    await expect(owner).not.toHaveURL(/slot=/);

    // All days: the whole busy week on one board, still light (compact cards).
    await pickDay(owner, "all");
    await expect.poll(async () => (await idsIn(owner, ["new", "accepted"])).filter((id) => reached.has(id)).length, { timeout: 15_000 }).toBe(240);
    const nodes = await owner.evaluate(() => document.querySelectorAll("*").length);
    test.info().annotations.push({ type: "DOM nodes, all days (240 open + Done page)", description: String(nodes) });
    console.log(`[W3] DOM nodes on the all-days board: ${nodes}`);
    expect(nodes, "DOM nodes on a board of 300 orders").toBeLessThan(5000);

    // Done: 20 first, newest change first; "Show more" reads the next page.
    const done = owner.locator('[data-lane="done"] [data-testid="board-order"]');
    await expect(done).toHaveCount(20);
    await owner.getByTestId("board-done-more").click();
    await expect.poll(() => done.count(), { timeout: 15_000 }).toBeGreaterThan(20);
  });

  test("[W3] the accepted card stays in view and keeps focus; a cancellation rings in with its time and reason", async ({ browser }) => {
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await setStock(owner, HONGDAE, "Carnation Thanks", 25);
    const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
    const orderId = await placeOrder(customer, "Carnation Thanks", `${MARK} real`, HONGDAE);

    // Tomorrow's board: its Accepted lane holds 40 of the seeded orders, most in earlier slots.
    await owner.goto(`/board?store=${HONGDAE}&day=${tomorrowInSeoul()}`);
    const card = await openBoardCard(owner, orderId);
    await expect(card).toHaveAttribute("data-status", "NEW");
    const scrollBefore = await owner.evaluate(() => window.scrollY);
    await card.getByRole("button", { name: /^Accept/ }).click();
    await expect(owner.locator(`[data-lane="accepted"] [data-order-id="${orderId}"]`)).toBeVisible();
    await expect.poll(() => inView(card), { timeout: 5_000 }).toBe(true);
    const box = await card.boundingBox();
    const viewport = owner.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    await expect(card.locator("h3")).toBeFocused();
    // The lane scrolled, not the page: no jump of thousands of pixels.
    expect(Math.abs((await owner.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(viewport.height);

    // The customer cancels with a reason: the board shows it, with the time, and can dismiss it.
    await customer.goto(`/orders/${orderId}`);
    await customer.getByRole("button", { name: "Cancel order" }).click();
    await customer.getByLabel(/^Reason/).fill("The party moved to Sunday");
    await customer.getByRole("button", { name: "Yes, cancel order" }).click();
    await expect(customer.getByTestId("order-status")).toHaveText("Cancelled", { timeout: 15_000 });

    const banner = owner.locator(`[data-testid="board-alert"][data-order-id="${orderId}"]`);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner).toHaveAttribute("data-kind", "CANCELLED");
    await expect(banner).toContainText(`#${orderId.slice(0, 8).toUpperCase()}`);
    await expect(banner).toContainText("The party moved to Sunday");
    await expect(banner).toContainText(/cancelled by the customer at \d{1,2}:\d{2}/);
    await expect(banner.locator("xpath=ancestor::*[@aria-live]")).toHaveAttribute("aria-live", "assertive");
    await expectAccessible(owner, "owner /board with a cancellation banner");
    await banner.getByRole("button", { name: /^Dismiss/ }).click();
    await expect(banner).toHaveCount(0);
    // Dismissed on this tablet: a reload does not bring it back.
    await owner.reload();
    await expect(owner.getByTestId("board-day-filter")).toBeVisible();
    await expect(owner.locator(`[data-order-id="${orderId}"][data-status="CANCELLED"]`)).toBeVisible({ timeout: 15_000 });
    await expect(banner).toHaveCount(0);
  });
});

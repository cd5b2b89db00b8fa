// [W2] Printable tickets: the florist opens an order's ticket from its board card, in both layouts
// (A4 and the 80 mm roll), prints all of a day from the board's toolbar, and nobody else can read
// them. The orders are written straight into the board's table for a day far ahead (no other test
// uses it) and removed afterwards. Print previews are saved under playwright/test-results/.
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { ACCOUNTS, expectAccessible, MESSAGES, newSignedInPage, openBoardCard, plusDays, SEOUL_FOREST, signIn, todayInSeoul, withDb } from "./support";

const MARK = "W2 Ticket";
const BUSAN = "10000000-0000-4000-8000-000000000004"; // owner2's shop
const SHOTS = path.join(import.meta.dirname, "test-results");
// Far ahead: no other test (nor an integration test sharing the database) has orders that day.
const DAY = plusDays(todayInSeoul(), 53);
const no = (orderId: string) => `#${orderId.slice(0, 8).toUpperCase()}`;

const removeSeeded = () => withDb((c) => c.query(`DELETE FROM store_orders WHERE recipient_name LIKE $1`, [`${MARK} %`]));

type Seed = { store: string; status: "NEW" | "ACCEPTED" | "DECORATED"; slot: string; recipient: string; message: string | null; note: string | null; pickedUp?: boolean; date?: string };
async function seed(s: Seed): Promise<string> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ order_id: string }>(
      `INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot,
         gift_message, note, created_at, updated_at, picked_up_at)
       VALUES (gen_random_uuid(), gen_random_uuid(), $1, $2::"StoreOrderStatus", $3::jsonb, 131000, $4, '010-9876-5432', '88 Eulji-ro, Jung-gu, Seoul', $5, $6,
         $7, $8, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${s.pickedUp ? "now() AT TIME ZONE 'UTC'" : "NULL"})
       RETURNING order_id`,
      [
        s.store,
        s.status,
        JSON.stringify([
          { bouquetId: "00000000-0000-4000-8000-000000000000", name: "Red Rose Classic", unitPriceWon: 59000, quantity: 2 },
          { bouquetId: "00000000-0000-4000-8000-000000000001", name: "Peony Dream", unitPriceWon: 13000, quantity: 1 },
        ]),
        `${MARK} ${s.recipient}`,
        s.date ?? DAY,
        s.slot,
        s.message,
        s.note,
      ],
    );
    return rows[0]!.order_id;
  });
}

async function expectTicket(page: Page, orderId: string, recipient: string, message: string) {
  const ticket = page.locator(`[data-testid="ticket"][data-order-id="${orderId}"]`);
  await expect(ticket.getByTestId("ticket-number")).toHaveText(no(orderId));
  await expect(ticket.getByTestId("ticket-recipient")).toHaveText(`${MARK} ${recipient}`);
  await expect(ticket.getByTestId("ticket-card-message")).toHaveText(message);
  await expect(ticket).toContainText("Red Rose Classic");
  await expect(ticket).toContainText("×2");
  await expect(ticket).toContainText("88 Eulji-ro, Jung-gu, Seoul");
  await expect(ticket).toContainText("010-9876-5432");
  // The QR is an SVG drawn on the server, labelled with the order number.
  const qr = ticket.getByTestId("ticket-qr");
  await expect(qr.locator("svg path")).not.toHaveCount(0);
  await expect(qr).toHaveAttribute("aria-label", new RegExp(no(orderId).slice(1)));
  return ticket;
}

test.describe("[W2] printable tickets", () => {
  let later: string, early: string, sent: string, theirs: string;
  test.beforeAll(async () => {
    await removeSeeded();
    later = await seed({ store: SEOUL_FOREST, status: "NEW", slot: "15-18", recipient: "Soyeon Yoon", message: "Happy birthday, Mom! Love, Jiwoo", note: "No lilies, please" });
    early = await seed({ store: SEOUL_FOREST, status: "ACCEPTED", slot: "09-12", recipient: "Hana Lee", message: "Congratulations on the new shop", note: null });
    sent = await seed({ store: SEOUL_FOREST, status: "DECORATED", slot: "09-12", recipient: "Gone Already", message: null, note: null, pickedUp: true });
    theirs = await seed({ store: BUSAN, status: "NEW", slot: "12-15", recipient: "Busan Person", message: "Not yours", note: null });
  });
  test.afterAll(removeSeeded);

  test("[W2] the ticket of an order from its board card, in A4 and 80 mm, print preview saved, axe-clean", async ({ browser }) => {
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    const t = MESSAGES.en.tickets;
    await owner.goto(`/board?store=${SEOUL_FOREST}&day=${DAY}`);
    const card = await openBoardCard(owner, later);
    await card.getByTestId("board-print-ticket").click();
    await expect(owner).toHaveURL(new RegExp(`/board/tickets\\?orders=${later}$`));

    // A4 by default: one ticket, everything the bench and the van need.
    await expect(owner.getByTestId("tickets-layout-a4")).toHaveAttribute("aria-current", "page");
    const ticket = await expectTicket(owner, later, "Soyeon Yoon", "Happy birthday, Mom! Love, Jiwoo");
    await expect(ticket.getByTestId("ticket-note")).toContainText("No lilies, please");
    await expect(ticket).toContainText(t.designerSheet);
    await expect(ticket).toContainText(t.driverSlip);
    await expect(owner.getByTestId("ticket")).toHaveCount(1);
    await expect(owner.getByTestId("tickets-print")).toBeVisible();
    await expectAccessible(owner, "ticket, A4");

    // Print: the page's own @page size, no site header, the toolbar hidden; the preview is saved.
    await owner.emulateMedia({ media: "print" });
    expect(await owner.evaluate(() => Array.from(document.querySelectorAll("style")).some((s) => s.textContent?.includes("size: A4")))).toBe(true);
    await expect(owner.locator("body header").first()).toBeHidden();
    await expect(owner.getByTestId("tickets-print")).toBeHidden();
    await expect(ticket.getByTestId("ticket-card-message")).toBeVisible();
    await owner.screenshot({ path: path.join(SHOTS, "tickets-a4-print.png"), fullPage: true });
    await owner.emulateMedia({ media: "screen" });

    // The toggle switches to the thermal roll: narrow, same content.
    await owner.getByTestId("tickets-layout-thermal").click();
    await expect(owner).toHaveURL(/layout=thermal/);
    await expect(owner.getByTestId("tickets-layout-thermal")).toHaveAttribute("aria-current", "page");
    const roll = await expectTicket(owner, later, "Soyeon Yoon", "Happy birthday, Mom! Love, Jiwoo");
    const width = await roll.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(290); // 80 mm ≈ 302 px
    expect(width).toBeLessThan(310);
    await expectAccessible(owner, "ticket, 80 mm");
    await owner.emulateMedia({ media: "print" });
    expect(await owner.evaluate(() => Array.from(document.querySelectorAll("style")).some((s) => s.textContent?.includes("size: 80mm auto")))).toBe(true);
    await expect(owner.getByTestId("tickets-print")).toBeHidden();
    await owner.screenshot({ path: path.join(SHOTS, "tickets-thermal-print.png"), fullPage: true });
    await owner.context().close();
  });

  test("[W2] print all of the day shown: that day's open orders of that shop, in slot order", async ({ browser }) => {
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await owner.goto(`/board?store=${SEOUL_FOREST}&day=${DAY}`);
    await owner.getByTestId("board-print-day").click();
    await expect(owner).toHaveURL(new RegExp(`/board/tickets\\?date=${DAY}&store=${SEOUL_FOREST}$`));
    // The bouquet already with a rider is not reprinted; Busan is another owner's.
    await expect(owner.getByTestId("ticket")).toHaveCount(2);
    expect(await owner.getByTestId("ticket").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.orderId))).toEqual([early, later]);
    await expectTicket(owner, early, "Hana Lee", "Congratulations on the new shop");
    await expect(owner.locator(`[data-testid="ticket"][data-order-id="${sent}"]`)).toHaveCount(0);
    // Named by id, the sent one still prints (a reprint for the van).
    await owner.goto(`/board/tickets?orders=${sent}`);
    await expect(owner.getByTestId("ticket-recipient")).toHaveText(`${MARK} Gone Already`);
    await owner.context().close();
  });

  test("[W2] print all of today also prints the overdue orders: open, of an earlier day, before today's", async ({ browser }) => {
    const today = todayInSeoul();
    const overdue = await seed({ store: SEOUL_FOREST, status: "ACCEPTED", slot: "18-21", recipient: "Overdue Kim", message: "Late but lovely", note: null, date: plusDays(today, -2) });
    const todays = await seed({ store: SEOUL_FOREST, status: "NEW", slot: "09-12", recipient: "Today Park", message: "On time", note: null, date: today });
    const overdueSent = await seed({ store: SEOUL_FOREST, status: "DECORATED", slot: "12-15", recipient: "Overdue Sent", message: null, note: null, date: plusDays(today, -1), pickedUp: true });
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await owner.goto(`/board?store=${SEOUL_FOREST}&day=${today}`);
    await owner.getByTestId("board-print-day").click();
    await expect(owner).toHaveURL(new RegExp(`/board/tickets\\?date=${today}&store=${SEOUL_FOREST}$`));
    await expectTicket(owner, overdue, "Overdue Kim", "Late but lovely");
    await expectTicket(owner, todays, "Today Park", "On time");
    // Other journeys' leftovers may be overdue too: ours are in, the earlier day first, the one with a rider out.
    const ids = await owner.getByTestId("ticket").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.orderId));
    expect(ids.indexOf(overdue)).toBeLessThan(ids.indexOf(todays));
    expect(ids).not.toContain(overdueSent);
    await owner.context().close();
  });

  test("[W2] another owner gets 404, a rider and a customer are turned away, bad parameters are refused with the reason", async ({ browser }) => {
    const owner2 = await newSignedInPage(browser, "owner2@bloom.test", /\/board$/);
    for (const url of [`/board/tickets?orders=${later}`, `/board/tickets?orders=${theirs},${later}`, `/board/tickets?store=${SEOUL_FOREST}&date=${DAY}`]) {
      const res = await owner2.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(owner2.locator("body")).not.toContainText(`${MARK} Soyeon Yoon`);
    }
    // Their own order prints.
    await owner2.goto(`/board/tickets?orders=${theirs}`);
    await expectTicket(owner2, theirs, "Busan Person", "Not yours");
    // A day of all their shops holds none of ours.
    await owner2.goto(`/board/tickets?date=${DAY}`);
    expect(await owner2.getByTestId("ticket").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.orderId))).toEqual([theirs]);

    // Bad parameters: a clear reason, nothing printed.
    for (const [query, reason] of [
      ["", "Ask for orders (orders=…) or for a day (date=YYYY-MM-DD)"],
      ["orders=12345", "orders: Each order must be an order id"],
      [`date=${DAY}&layout=a5`, "layout: The layout is a4 or thermal"],
      ["date=2026-02-30", "date: This date does not exist"],
      [`orders=${theirs}&date=${DAY}`, "Ask for orders or for a day, not both"],
    ] as const) {
      await owner2.goto(`/board/tickets?${query}`);
      await expect(owner2.getByRole("alert").filter({ hasText: MESSAGES.en.tickets.badRequest })).toBeVisible();
      await expect(owner2.getByTestId("tickets-errors")).toContainText(reason);
      await expect(owner2.getByTestId("ticket")).toHaveCount(0);
    }
    await owner2.context().close();

    for (const [email, home] of [[ACCOUNTS.rider, /\/deliveries/], [ACCOUNTS.customer, /\/stores|\/$/]] as const) {
      const page = await newSignedInPage(browser, email, home);
      await page.goto(`/board/tickets?orders=${theirs}`);
      await expect(page).toHaveURL(/\/signin/);
      await expect(page.getByTestId("ticket")).toHaveCount(0);
      await page.context().close();
    }
    // Signed out: to the sign-in page.
    const anon = await browser.newPage();
    await anon.goto(`/board/tickets?orders=${theirs}`);
    await expect(anon).toHaveURL(/\/signin/);
    await anon.close();
  });

  test("[W2] the ticket in Korean: Korean labels and the shop's Korean name, axe-clean", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ko-KR" });
    const owner = await context.newPage();
    await signIn(owner, ACCOUNTS.owner);
    await expect(owner).toHaveURL(/\/board$/);
    const t = MESSAGES.ko.tickets;
    await owner.goto(`/board/tickets?orders=${early}&layout=thermal`);
    const ticket = await expectTicket(owner, early, "Hana Lee", "Congratulations on the new shop");
    await expect(ticket).toContainText(t.designerSheet);
    await expect(ticket).toContainText(t.driverSlip);
    await expect(ticket).toContainText("서울숲 꽃집");
    await expect(owner.getByTestId("tickets-print")).toHaveText(t.print);
    await expectAccessible(owner, "ticket, Korean");
    await context.close();
  });
});

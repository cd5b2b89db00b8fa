// The recipient's tracking link (X2), on a phone: the sender orders anonymously, the shop accepts,
// and the recipient's text (read from the SMS sandbox) carries the link. The page shows the slot and
// where the bouquet is, live, without the price or the sender's name; after a failed attempt
// (nobody home, the bouquet back at the shop) the recipient picks a new slot themselves.
import { devices, expect, test, type Page } from "@playwright/test";
import { SMS_SANDBOX_URL } from "./playwright.config";
import { ACCOUNTS, boardAllDays, claimDelivery, openBoardCard, riderRequest, addToCart, expectAccessible, messagesOf, newSignedInPage, pickUp, tomorrowInSeoul } from "./support";

type Sms = { to: string; text: string; createdAt: string };

async function textsTo(page: Page, to: string): Promise<Sms[]> {
  const res = await page.request.get(`${SMS_SANDBOX_URL}/messages?to=${to}`);
  return ((await res.json()) as { messages: Sms[] }).messages;
}

test("[X2] the recipient opens the tracking link from the SMS on a phone and picks a new slot after a failed attempt", async ({ browser }) => {
  test.setTimeout(180_000);
  // A number of this run's own, so the sandbox's ledger answers with this run's texts only.
  const digits = String(Date.now()).slice(-8);
  const phone = `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
  const to = phone.replaceAll("-", "");

  // The sender orders, anonymously.
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  await addToCart(customer, "Sunny Sunflowers");
  await customer.goto("/checkout");
  const m = (await messagesOf(customer)).checkout;
  await customer.getByLabel(m.recipient.name).fill("Soyeon Yoon");
  await customer.getByLabel(m.recipient.phone).fill(phone);
  await customer.getByLabel(m.delivery.address).fill("88 Eulji-ro, Jung-gu, Seoul");
  await customer.getByLabel(m.delivery.date).fill(tomorrowInSeoul());
  await customer.getByRole("radio").first().check();
  await customer.getByLabel(m.message.anonymous).check();
  await customer.getByLabel(m.card.number).fill("4242 4242 4242 4242");
  await customer.getByLabel(m.card.expiry).fill("12/30");
  await customer.getByLabel(m.card.cvc).fill("123");
  await customer.getByRole("button", { name: m.pay }).click();
  await expect(customer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = customer.url().split("/").pop()!;

  // The shop accepts: the recipient gets a text with the link.
  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  // W3: the board opens on today with compact cards; this order is for tomorrow.
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await expect.poll(async () => (await textsTo(owner, to)).length, { timeout: 20_000 }).toBe(1);
  const [sms] = await textsTo(owner, to);
  const link = sms!.text.match(/https?:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, sms!.text).toBeTruthy();
  expect(sms!.text).not.toContain("Minji Kim"); // the demo customer, who sent it anonymously

  // The recipient, on a phone, no account.
  const phoneContext = await browser.newContext({ ...devices["Pixel 7"], locale: "en-US" });
  const recipient = await phoneContext.newPage();
  await recipient.goto(link!);
  const tracking = recipient.getByTestId("tracking");
  await expect(tracking).toHaveAttribute("data-phase", "PREPARING");
  await expect(recipient.getByRole("heading", { level: 1 })).toContainText("Soyeon");
  const html = await recipient.content();
  expect(html).not.toContain("Minji Kim");
  expect(html).not.toMatch(/59,000|59000/);
  await expectAccessible(recipient, "tracking page, being prepared (phone)");

  // Arranged, picked up, nobody home, back at the shop.
  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");
  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const mine = await claimDelivery(rider, orderId);
  await pickUp(mine);
  await expect(tracking).toHaveAttribute("data-phase", "ON_ITS_WAY", { timeout: 15_000 });
  await mine.getByText("Couldn't deliver?").click();
  await mine.getByLabel("What happened").selectOption("NOBODY_HOME");
  await mine.getByRole("button", { name: /^Record attempt/ }).click();
  const attempted = rider.locator(`[data-testid="attempted-delivery"][data-order-id="${orderId}"]`);
  await expect(attempted).toBeVisible({ timeout: 15_000 });
  // Live: the page says so while the bouquet goes back, and the attempt's text arrives.
  await expect(tracking).toHaveAttribute("data-phase", "ATTEMPTED", { timeout: 15_000 });
  await expect.poll(async () => (await textsTo(owner, to)).length, { timeout: 20_000 }).toBe(2);
  await attempted.getByRole("button", { name: /^Back at the shop/ }).click();

  // Back at the shop: the recipient chooses another slot.
  const choose = recipient.getByTestId("tracking-choose-slot");
  await expect(choose).toBeVisible({ timeout: 15_000 });
  await expectAccessible(recipient, "tracking page, choose another slot (phone)");
  const slot = choose.getByRole("radio", { disabled: false }).last();
  await slot.click();
  await choose.getByRole("button", { name: "Book this time" }).click();
  await expect(recipient.getByText("New delivery time booked. Thank you!")).toBeVisible({ timeout: 15_000 });
  await expect(tracking).toHaveAttribute("data-phase", "PREPARING", { timeout: 15_000 });
  await expect(recipient.getByTestId("tracking-status-text")).toHaveText("New delivery time booked");

  // The shop's board no longer waits on it: the request is open to riders again.
  await expect(card.getByTestId("board-failed-delivery")).toHaveCount(0, { timeout: 15_000 });
  await riderRequest(rider, orderId);
  await phoneContext.close();
});

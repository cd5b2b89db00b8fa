// X1: the sender reads the "delivered" email, with the photo at the door, in the local mail
// catcher's web page (maildev, started by the Playwright config like `npm start` does).
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { MAIL_CATCHER_URL } from "./playwright.config";
import { ACCOUNTS, boardAllDays, openBoardCard, newSignedInPage, placeOrder, riderRequest } from "./support";

test("[X1] the sender reads the delivered email with its door photo in the mail catcher", async ({ browser }) => {
  test.setTimeout(180_000);
  const recipient = `Mail ${Date.now().toString(36)}`;
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const orderId = await placeOrder(customer, "Sunny Sunflowers", recipient);

  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  // W3: the board opens on today with compact cards; this order is for tomorrow.
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");

  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = await riderRequest(rider, orderId);
  await request.getByRole("button", { name: /^Claim/ }).click();
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED", {
    timeout: 15_000,
  });
  const photo = await sharp({
    create: { width: 800, height: 600, channels: 3, background: "#d94f70" },
  })
    .jpeg()
    .toBuffer();
  await mine.getByLabel(/Photo at the door/).setInputFiles({ name: "door.jpg", mimeType: "image/jpeg", buffer: photo });
  await mine.getByLabel(/Note for the customer/).fill("Left with the concierge");
  await mine.getByRole("button", { name: /^Mark delivered/ }).click();
  await expect(rider.getByText("Marked delivered. Thank you!").first()).toBeVisible({ timeout: 15_000 });

  // The mail catcher's page: the sender's inbox has the delivered email, in English (the UI's language).
  const mail = await browser.newPage();
  await mail.goto(MAIL_CATCHER_URL);
  const item = mail.getByText(`Your bouquet was delivered to ${recipient}`).first();
  await expect(async () => {
    await mail.getByTestId("refresh-button").click();
    await expect(item).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 45_000 });
  await item.click();
  await expect(mail.getByText(ACCOUNTS.customer).first()).toBeVisible();
  const body = mail.frameLocator("iframe").first();
  await expect(body.getByText("Delivered", { exact: true })).toBeVisible();
  await expect(body.getByText("The rider's note: Left with the concierge")).toBeVisible();
  // maildev re-renders its preview frame when more mail arrives, which can swap the frame's document
  // between two steps: locate, scroll and read the image again until it is loaded.
  await expect(async () => {
    const img = mail.frameLocator("iframe").first().getByAltText("Photo of the bouquet at the door");
    await img.scrollIntoViewIfNeeded({ timeout: 2000 });
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth, undefined, { timeout: 2000 })).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
  // The receipt came first, for the same order.
  await expect(mail.getByText(/Your order from Seoul Forest Florist is placed/).first()).toBeVisible();
});

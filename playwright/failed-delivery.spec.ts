// Failed delivery and proof of delivery (D4, D5), each role in its own browser: nobody home → the
// rider brings the bouquet back → the shop books a new slot with a redelivery fee → a rider
// delivers it with a photo (taken with GPS in its EXIF) → the customer sees the photo on MyPage,
// stripped of its metadata, and another customer cannot fetch it.
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { ACCOUNTS, boardAllDays, expectAccessible, newSignedInPage, openBoardCard, placeOrder, riderRequest } from "./support";

async function phonePhoto() {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: "#d94f70" } })
    .jpeg()
    .withExif({ IFD0: { Make: "Bloomphone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "37/1 33/1 59/1", GPSLongitudeRef: "E", GPSLongitude: "126/1 58/1 40/1" } })
    .toBuffer();
}

test("[D4][D5][B1] a failed attempt → the shop reschedules → delivered with a photo → the customer sees the photo on MyPage", async ({ browser }) => {
  test.setTimeout(180_000); // four roles' screens, two trips
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const orderId = await placeOrder(customer, "Sunny Sunflowers", `Door ${Date.now().toString(36)}`);

  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");

  // The rider collects it and finds nobody home.
  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = await riderRequest(rider, orderId);
  await request.getByRole("button", { name: /^Claim/ }).click();
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED", { timeout: 15_000 });
  await expect(mine.getByLabel(/Photo at the door/)).toHaveAttribute("capture", "environment");
  await expectAccessible(rider, "rider screen with the form at the door");
  await mine.getByText("Couldn't deliver?").click();
  await mine.getByLabel("What happened").selectOption("NOBODY_HOME");
  await mine.getByRole("button", { name: /^Record attempt/ }).click();
  const attempted = rider.locator(`[data-testid="attempted-delivery"][data-order-id="${orderId}"]`);
  await expect(attempted).toBeVisible({ timeout: 15_000 });
  await expectAccessible(rider, "rider screen with a failed attempt to bring back");
  await attempted.getByRole("button", { name: /^Back at the shop/ }).click();
  await expect(attempted).toHaveCount(0, { timeout: 15_000 });

  // The board shows the failed delivery, live, and the shop books a new slot with a fee.
  const failed = card.getByTestId("board-failed-delivery");
  await expect(failed).toContainText("Nobody home", { timeout: 15_000 });
  await expect(failed).toContainText(/back at the shop/);
  await expectAccessible(owner, "board with a failed delivery");
  await failed.getByLabel(/Redelivery fee/).fill("3000");
  await failed.getByRole("button", { name: /^Book redelivery/ }).click();
  await expect(owner.getByText(/redelivery booked/).first()).toBeVisible();
  await expect(failed).toHaveCount(0, { timeout: 15_000 });

  // The customer sees the attempt and the new slot on MyPage.
  await customer.goto("/mypage");
  const row = customer.locator(`[data-order-id="${orderId}"]`).first();
  await expect(row.getByTestId("mypage-delivery-status")).toHaveText("Waiting for a rider", { timeout: 15_000 });

  // A rider claims it again and delivers it with a photo and a note.
  await expect(request).toBeVisible({ timeout: 15_000 });
  await request.getByRole("button", { name: /^Claim/ }).click();
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED", { timeout: 15_000 });
  await mine.getByLabel(/Photo at the door/).setInputFiles({ name: "door.jpg", mimeType: "image/jpeg", buffer: await phonePhoto() });
  await mine.getByLabel(/Note for the customer/).fill("Handed to the concierge desk");
  await mine.getByRole("button", { name: /^Mark delivered/ }).click();
  await expect(rider.getByText("Marked delivered. Thank you!").first()).toBeVisible({ timeout: 15_000 });

  // MyPage shows the photo (stripped of EXIF) with the note and the delivery time.
  const proof = row.getByTestId("door-proof");
  await expect(proof).toBeVisible({ timeout: 15_000 });
  await expect(proof).toContainText("Handed to the concierge desk");
  const photo = proof.getByTestId("door-photo");
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const served = await customer.request.get(`/api/orders/${orderId}/door-photo`);
  expect(served.status()).toBe(200);
  expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();
  await expectAccessible(customer, "MyPage with a proof of delivery");

  // The order page shows it too; someone who is not concerned gets 404.
  await customer.goto(`/orders/${orderId}`);
  await expect(customer.getByTestId("door-proof")).toContainText("Handed to the concierge desk", { timeout: 15_000 });
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/api/orders/${orderId}/door-photo`)).status()).toBe(404);
  await stranger.close();
});

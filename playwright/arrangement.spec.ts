// Photo approval (W1), each role in its own browser: the shop makes the photo required (its own
// settings screen) → the florist photographs the arranged bouquet (a file input) with a substitution
// → the sender asks for one change → the florist sends a new photo → the sender approves → the
// order goes out (a rider can claim it). And silence past a short window approves by itself,
// checked in Korean. axe on every new screen in both languages.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { ACCOUNTS, boardAllDays, expectAccessible, HONGDAE, MESSAGES, newSignedInPage, openBoardCard, placeOrder } from "./support";

const en = MESSAGES.en.arrangement;
const ko = MESSAGES.ko.arrangement;

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const restore = () => withDb((c) => c.query("UPDATE store_stores SET require_arrangement_photo = false, approval_window_seconds = 1800 WHERE id = $1", [HONGDAE]));
test.afterAll(restore);

const photo = (colour: string) => sharp({ create: { width: 900, height: 1200, channels: 3, background: colour } }).jpeg().toBuffer();

async function sendPhoto(card: ReturnType<Page["locator"]>, colour: string, substitutions: string | null, labels: typeof en.board) {
  const form = card.getByTestId("board-arrangement-form");
  await expect(form.getByLabel(labels.photoLabel)).toHaveAttribute("capture", "environment");
  await form.getByLabel(labels.photoLabel).setInputFiles({ name: "arrangement.jpg", mimeType: "image/jpeg", buffer: await photo(colour) });
  if (substitutions !== null) await form.getByLabel(labels.substitutionsLabel).fill(substitutions);
  await form.locator("button[type=submit]").click();
  await expect(card.getByTestId("board-arrangement")).toHaveAttribute("data-arrangement-status", "AWAITING", { timeout: 15_000 });
}

test("[W1] the florist photographs the arrangement → the sender asks for a change → a new photo → the sender approves → a rider can claim it", async ({ browser }) => {
  test.setTimeout(240_000);
  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  // The shop makes the photo required, on its settings screen.
  await owner.goto(`/board/menu?store=${HONGDAE}`);
  const setting = owner.getByTestId("arrangement-setting");
  const toggle = setting.getByRole("switch", { name: en.settings.label });
  await expect(toggle).toBeVisible({ timeout: 15_000 });
  if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expectAccessible(owner, "owner /board/menu with the photo approval settings");

  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const orderId = await placeOrder(customer, "Tulip Party", `Snap ${Date.now().toString(36)}`, HONGDAE);

  await boardAllDays(owner);
  let card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await expect(card).toHaveAttribute("data-status", "ACCEPTED");
  card = await openBoardCard(owner, orderId);
  await expect(card.getByTestId("board-arrangement-form")).toBeVisible({ timeout: 15_000 });
  // The photo is required: no way out without it.
  await expect(card.getByRole("button", { name: /^Decoration done/ })).toHaveCount(0);
  await expectAccessible(owner, "board card with the arrangement photo form");
  await sendPhoto(card, "#e4587a", "peony → garden rose", en.board);
  await expect(card.getByTestId("board-arrangement-awaiting")).toBeVisible();
  await expect(card.getByTestId("board-arrangement-photo")).toBeVisible();

  // The sender sees it on the order page (a live update) and asks for one change.
  await customer.goto(`/orders/${orderId}`);
  const review = customer.getByTestId("arrangement-review");
  await expect(review).toHaveAttribute("data-arrangement-status", "AWAITING", { timeout: 15_000 });
  await expect(review.getByTestId("arrangement-substitutions")).toHaveText("peony → garden rose");
  await expect(review.getByTestId("arrangement-photo")).toHaveJSProperty("complete", true);
  await expect.poll(() => review.getByTestId("arrangement-photo").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(customer, "customer order page with the photo to approve");
  await review.getByRole("button", { name: en.review.askChange }).click();
  await review.getByLabel(en.review.noteLabel).fill("A little more white, please");
  await expectAccessible(customer, "customer order page with the change form");
  await review.getByRole("button", { name: en.review.sendChange }).click();
  await expect(review).toHaveAttribute("data-arrangement-status", "CHANGE_REQUESTED");
  await expect(review).toContainText("A little more white, please");

  // The florist sees the note on the card and sends a new photo.
  const change = card.getByTestId("board-arrangement-change");
  await expect(change).toContainText("A little more white, please", { timeout: 15_000 });
  await expectAccessible(owner, "board card with the sender's change request");
  await sendPhoto(card, "#ffffff", null, en.board);

  // The second photo: the sender can only approve it now.
  await expect(review).toHaveAttribute("data-arrangement-status", "AWAITING", { timeout: 15_000 });
  await expect(review.getByRole("button", { name: en.review.askChange })).toHaveCount(0);
  await review.getByRole("button", { name: en.review.approve }).click();
  await expect(review.getByTestId("arrangement-approved")).toHaveText(en.review.approvedBySender);

  // The order goes out: the board moves it on, and a rider can claim it.
  await expect(owner.locator(`[data-testid="board-order"][data-order-id="${orderId}"]`)).toHaveAttribute("data-status", "DECORATED", { timeout: 15_000 });
  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = rider.locator(`[data-testid="open-delivery"][data-order-id="${orderId}"]`);
  await expect(request).toBeVisible({ timeout: 15_000 });
  await request.getByRole("button", { name: /^Claim/ }).click();
  await expect(rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`)).toBeVisible({ timeout: 15_000 });

  // Every step on MyPage's timeline.
  await customer.goto("/mypage");
  const row = customer.locator(`[data-testid="mypage-order"][data-order-id="${orderId}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole("button", { expanded: false }).first().click();
  const tl = MESSAGES.en.timelineEvent;
  for (const step of [tl.ArrangementPhotoSubmitted, tl.ArrangementChangeRequested, tl.ArrangementApproved]) await expect(row.locator("ol")).toContainText(step);
  await expect(row.getByTestId("arrangement-review")).toBeVisible();
  await expectAccessible(customer, "customer /mypage with the approved photo and its timeline");

  // The photo is the sender's and the shop's only.
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`${test.info().project.use.baseURL}/api/orders/${orderId}/arrangement-photo`)).status()).toBe(404);
  await stranger.close();
});

test.describe("[W1] silence", () => {
  test.use({ locale: "ko-KR" });

  test("[W1] silence past the window approves by itself (a 3 s window), shown to the florist and the sender in Korean", async ({ browser }) => {
    test.setTimeout(180_000);
    // The settings screen takes whole minutes (5–240); the test shortens the window underneath it.
    await withDb((c) => c.query("UPDATE store_stores SET require_arrangement_photo = true, approval_window_seconds = 3 WHERE id = $1", [HONGDAE]));
    const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
    const orderId = await placeOrder(customer, "Tulip Party", `Quiet ${Date.now().toString(36)}`, HONGDAE);
    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await boardAllDays(owner);
    let card = await openBoardCard(owner, orderId);
    await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
    await card.getByRole("button", { name: new RegExp(`^${MESSAGES.ko.board.card.accept}`) }).click();
    await expect(card).toHaveAttribute("data-status", "ACCEPTED");
    card = await openBoardCard(owner, orderId);
    await expect(card.getByTestId("board-arrangement-form")).toBeVisible({ timeout: 15_000 });
    await expectAccessible(owner, "board card with the arrangement photo form (ko)");
    await sendPhoto(card, "#f2c14e", "작약 → 가든 로즈", ko.board);

    // Nobody answers: the worker's sweeper approves once the window lapsed, and the order goes out.
    await expect(owner.locator(`[data-testid="board-order"][data-order-id="${orderId}"]`)).toHaveAttribute("data-status", "DECORATED", { timeout: 30_000 });
    await customer.goto(`/orders/${orderId}`);
    const review = customer.getByTestId("arrangement-review");
    await expect(review.getByTestId("arrangement-approved")).toHaveText(ko.review.approvedByTimeout, { timeout: 15_000 });
    await expect(review.getByTestId("arrangement-substitutions")).toHaveText("작약 → 가든 로즈");
    await expect(review.getByRole("button")).toHaveCount(0);
    await expectAccessible(customer, "customer order page with the photo approved by the window (ko)");
    await customer.goto("/mypage/notifications");
    await expect(customer.getByTestId("email-settings")).toContainText(MESSAGES.ko.messageSettings.kind.arrangement_photo);
    await expectAccessible(customer, "customer /mypage/notifications with the photo email (ko)");
  });
});

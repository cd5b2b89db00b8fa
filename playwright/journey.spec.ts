// The whole journey across three browser contexts (customer, owner, rider), watching MyPage
// change without reloading it.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, boardAllDays, newSignedInPage, openBoardCard, placeOrder, riderRequest } from "./support";

test("[F3][F4][F5][F8][F9][F10][F14][D3][B1] customer orders, owner accepts and arranges, rider claims, picks up and delivers; MyPage follows live", async ({ browser }) => {
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const recipient = `Journey ${Date.now().toString(36)}`;
  const orderId = await placeOrder(customer, "White Lily Grace", recipient);

  await customer.goto("/mypage");
  const row = customer.locator(`[data-testid="mypage-order"][data-order-id="${orderId}"]`);
  await expect(row.getByTestId("mypage-order-status")).toHaveText("Placed", { timeout: 15_000 });

  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await expect(card).toContainText(recipient);
  await card.getByRole("button", { name: /^Accept/ }).click();
  await expect(card).toHaveAttribute("data-status", "ACCEPTED");
  await expect(row.getByTestId("mypage-order-status")).toHaveText("Accepted", { timeout: 15_000 });

  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");

  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = await riderRequest(rider, orderId);
  await request.getByRole("button", { name: /^Claim/ }).click();
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
  await expect(mine).toHaveAttribute("data-status", "CLAIMED");
  // Claimed is not picked up (D3): MyPage names the rider on the way, the order is still arranged.
  await expect(row.getByTestId("mypage-delivery-status")).toHaveText("Rider on the way to the shop", { timeout: 15_000 });
  await expect(row.getByTestId("mypage-order-status")).toHaveText("Ready for pickup");
  await mine.getByRole("button", { name: /^I'm at the shop/ }).click();
  await expect(mine).toHaveAttribute("data-status", "AT_SHOP");
  await expect(row.getByTestId("mypage-delivery-status")).toHaveText("Rider at the shop", { timeout: 15_000 });
  await mine.getByRole("button", { name: /^Picked up/ }).click();
  await expect(mine).toHaveAttribute("data-status", "STARTED");
  await expect(row.getByTestId("mypage-order-status")).toHaveText("Out for delivery", { timeout: 15_000 });

  await mine.getByRole("button", { name: /Mark delivered/ }).click();
  await expect(mine).toHaveAttribute("data-status", "COMPLETED");
  await expect(row.getByTestId("mypage-order-status")).toHaveText("Delivered", { timeout: 15_000 });
  await expect(row.getByTestId("mypage-delivery-status")).toHaveText("Delivered");
  // The shop hears it too: the card has left "Ready for pickup" for "Done", marked delivered.
  await expect(card.getByTestId("board-delivery-progress")).toContainText("Delivered", { timeout: 15_000 });
  await expect(owner.getByRole("region", { name: "Done" }).locator(`[data-order-id="${orderId}"]`)).toBeVisible();

  await customer.goto(`/orders/${orderId}`);
  await expect(customer.getByTestId("order-status")).toHaveText("Delivered", { timeout: 15_000 });
});

test("[F6][F7] the owner rejects an order with a reason; the customer sees it rejected and refunded", async ({ browser }) => {
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const recipient = `Reject ${Date.now().toString(36)}`;
  const orderId = await placeOrder(customer, "Sunny Sunflowers", recipient);

  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Reject/ }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel(/Out of flowers/).check();
  await dialog.getByRole("button", { name: "Reject order" }).click();
  await expect(card).toHaveAttribute("data-status", "REJECTED");

  await customer.goto(`/orders/${orderId}`);
  await expect(customer.getByTestId("order-status")).toHaveText("Rejected", { timeout: 15_000 });
  await expect(customer.getByText("Refunded").first()).toBeVisible({ timeout: 15_000 });
});

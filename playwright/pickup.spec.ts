// Pickup is its own step (D3), each role in its own browser: a rider's claim leaves the order on
// the board's "Ready for pickup" and the customer's cancel button in place; the florist's
// "Handed over" is the pickup, after which the customer can no longer cancel.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, boardAllDays, expectAccessible, newSignedInPage, openBoardCard, placeOrder, riderRequest } from "./support";

test("[D3][F11][B1] a rider claims → the board still shows the order waiting → the florist confirms the pickup → the customer can no longer cancel", async ({ browser }) => {
  // Three browsers and a dozen live updates: on a loaded 2-core machine this passes 60 s.
  test.slow();
  const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
  const orderId = await placeOrder(customer, "Sunny Sunflowers", `Pickup ${Date.now().toString(36)}`);

  const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
  await card.getByRole("button", { name: /^Accept/ }).click();
  await card.getByRole("button", { name: /^Decoration done/ }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");
  const ready = owner.getByRole("region", { name: "Ready for pickup" });
  const done = owner.getByRole("region", { name: "Done" });

  // The rider claims the request from the street.
  const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
  const request = await riderRequest(rider, orderId);
  await request.getByRole("button", { name: /^Claim/ }).click();
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
  await expect(mine).toHaveAttribute("data-status", "CLAIMED");
  await expect(mine.getByRole("button", { name: /^Picked up/ })).toBeVisible();
  await expect(mine.getByRole("button", { name: /^Mark delivered/ })).toHaveCount(0);
  await expectAccessible(rider, "rider screen with a claimed delivery");

  // The board says who is coming, and keeps the card waiting: the bouquet is still on the bench.
  await expect(card.getByTestId("board-delivery-progress")).toContainText(/is on the way to pick it up/, { timeout: 15_000 });
  await expect(ready.locator(`[data-order-id="${orderId}"]`)).toBeVisible();
  await expect(done.locator(`[data-order-id="${orderId}"]`)).toHaveCount(0);
  await mine.getByRole("button", { name: /^I'm at the shop/ }).click();
  await expect(mine).toHaveAttribute("data-status", "AT_SHOP");
  await expect(card.getByTestId("board-delivery-progress")).toContainText(/is at the shop/, { timeout: 15_000 });
  await expect(ready.locator(`[data-order-id="${orderId}"]`)).toBeVisible();
  await expectAccessible(owner, "board with a rider at the shop");

  // The customer still can cancel, and sees the rider at the shop.
  await customer.goto(`/orders/${orderId}`);
  await expect(customer.getByTestId("order-status")).toHaveText("Ready for pickup", { timeout: 15_000 });
  await expect(customer.getByTestId("order-delivery-step")).toContainText(/Rider at the shop/, { timeout: 15_000 });
  await expect(customer.getByRole("button", { name: "Cancel order" })).toBeVisible();

  // The florist hands it over: the pickup. The card moves to Done, the rider's job is on the road.
  await card.getByRole("button", { name: /^Handed over/ }).click();
  await expect(owner.getByText(/handed over to .+\. It is out for delivery\./).first()).toBeVisible();
  await expect(done.locator(`[data-order-id="${orderId}"]`)).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId("board-delivery-progress")).toContainText(/Picked up by/);
  await expect(card.getByRole("button", { name: /^Handed over/ })).toHaveCount(0);
  await expect(mine).toHaveAttribute("data-status", "STARTED", { timeout: 15_000 });
  await expect(mine.getByRole("button", { name: /^Mark delivered/ })).toBeVisible();

  // No more cancelling: the page follows the pickup by itself, and the button is gone.
  await expect(customer.getByTestId("order-status")).toHaveText("Out for delivery", { timeout: 15_000 });
  await expect(customer.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await expectAccessible(customer, "order page after the pickup");
});

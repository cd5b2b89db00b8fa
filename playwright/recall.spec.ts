// The customer's cancellation and the rider's pickup cross (F11, F12): the ordering context has not
// yet heard of the pickup when the customer cancels. Its queue is paused here to hold that moment
// open; in production the window is the event lag (or longer while a worker is down).
import { expect, test } from "@playwright/test";
import { Queue } from "bullmq";
import { ACCOUNTS, boardAllDays, expectAccessible, newSignedInPage, openBoardCard, placeOrder, riderRequest } from "./support";

const orderStatusQueue = () =>
  new Queue("order-status", { prefix: "e2e", connection: { url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", maxRetriesPerRequest: null } });

test("[F11][F12][D3][B1] a cancellation that crosses the pickup wins: the rider is told to bring the bouquet back, the shop sees it coming and arriving", async ({ browser }) => {
  test.slow(); // three browsers and a held-back queue: close to 60 s on a loaded 2-core machine
  const queue = orderStatusQueue();
  try {
    const customer = await newSignedInPage(browser, ACCOUNTS.customer, /\/stores$/);
    const orderId = await placeOrder(customer, "Sunny Sunflowers", `Recall ${Date.now().toString(36)}`);

    const owner = await newSignedInPage(browser, ACCOUNTS.owner, /\/board$/);
    await boardAllDays(owner);
    const card = await openBoardCard(owner, orderId);
    await expect(card).toHaveAttribute("data-status", "NEW", { timeout: 15_000 });
    await card.getByRole("button", { name: /^Accept/ }).click();
    await card.getByRole("button", { name: /^Decoration done/ }).click();
    await expect(card).toHaveAttribute("data-status", "DECORATED");
    await customer.goto(`/orders/${orderId}`);
    await expect(customer.getByTestId("order-status")).toHaveText("Ready for pickup", { timeout: 15_000 });

    await queue.pause(); // from here the ordering context does not hear of the pickup
    const rider = await newSignedInPage(browser, ACCOUNTS.rider, /\/deliveries$/);
    const request = await riderRequest(rider, orderId);
    await request.getByRole("button", { name: /^Claim/ }).click();
    const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
    await expect(mine).toHaveAttribute("data-status", "CLAIMED");
    await mine.getByRole("button", { name: /^Picked up/ }).click();
    await expect(mine).toHaveAttribute("data-status", "STARTED");

    await customer.getByRole("button", { name: "Cancel order" }).click();
    await customer.getByRole("dialog").getByRole("button", { name: /Cancel order|Yes/ }).click();
    await expect(customer.getByTestId("order-status")).toHaveText("Cancelled");
    await queue.resume(); // the refund reaches the order page through this queue too
    await expect(customer.getByText("Refunded").first()).toBeVisible({ timeout: 15_000 });

    // The rider's screen changes live: the job leaves "in progress" and says where to bring it back.
    const recalled = rider.locator(`[data-testid="recalled-delivery"][data-order-id="${orderId}"]`);
    await expect(recalled).toBeVisible({ timeout: 15_000 });
    await expect(recalled).toContainText("Cancelled by the customer after pickup");
    await expect(rider.getByRole("heading", { name: "Bring back to the shop" })).toBeVisible();
    await expect(rider.getByRole("alert").filter({ hasText: /from Seoul Forest Florist was cancelled by the customer\. Please bring the bouquet back/ })).toBeVisible();
    await expect(rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`)).toHaveCount(0);
    await expectAccessible(rider, "rider screen with a recall");

    // The shop's card says who is bringing it back; the customer's order stays cancelled.
    await expect(card).toHaveAttribute("data-status", "CANCELLED", { timeout: 15_000 });
    await expect(card.getByTestId("board-delivery-progress")).toContainText(/Coming back to the shop: .+ picked it up before the customer cancelled/, { timeout: 15_000 });
    await expectAccessible(owner, "board with a card coming back");
    await customer.reload();
    await expect(customer.getByTestId("order-status")).toHaveText("Cancelled");

    // Back at the shop, the rider says so: the card leaves "Bring back", and the board hears it.
    await recalled.getByRole("button", { name: "Back at the shop" }).click();
    await expect(rider.getByText("Thank you. The shop knows the bouquet is back.", { exact: true })).toBeVisible(); // the toast (its live-region copy is prefixed)
    await expect(recalled).toHaveCount(0);
    await expect(rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`)).toContainText("returned");
    await expect(card.getByTestId("board-delivery-progress")).toContainText(/Back at the shop: returned by .+/, { timeout: 15_000 });
  } finally {
    await queue.resume().catch(() => {});
    await queue.close();
  }
});

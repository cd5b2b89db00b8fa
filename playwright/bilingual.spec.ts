// [W5] Every page of every role, in Korean, shows the catalog in Korean: the customer's journey
// (shops, a shop, cart, checkout, the order, My orders, MyPage), the owner's board, menu, ticket and
// sales, the rider's deliveries, the recipient's tracking page and text message. No seeded English
// shop name, address or description, nor English bouquet name or description, appears anywhere.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STORES } from "../packages/db/src/seed-data";
import { SMS_SANDBOX_URL } from "./playwright.config";
import { ACCOUNTS, addToCart, boardAllDays, fillMessage, MESSAGES, openBoardCard, openRiderRequest, SEOUL_FOREST, signIn, tomorrowInSeoul } from "./support";

// The seeded English catalog text; none of it is an interface word of the Korean messages.
const ENGLISH_CATALOG = [
  ...new Set(DEMO_STORES.flatMap((s) => [s.name, s.address, s.description, ...s.bouquets.flatMap((b) => [b[0], b[2]])])),
].filter((text) => !JSON.stringify(MESSAGES.ko).includes(text));

const m = MESSAGES.ko;

/** The page, once loaded, shows `mustShow` (so the catalog is on screen) and no English catalog text. */
async function expectKoreanCatalog(page: Page, what: string, mustShow: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator("body")).toContainText(mustShow, { timeout: 15_000 });
  const shown = await page.evaluate(() => {
    const attrs = Array.from(document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")).flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""),
    );
    return `${document.body.innerText}\n${attrs.join("\n")}`;
  });
  expect(ENGLISH_CATALOG.filter((text) => shown.includes(text)), `${what}: English catalog text on a Korean page`).toEqual([]);
}

type Sms = { to: string; text: string };
async function textsTo(page: Page, to: string): Promise<Sms[]> {
  const res = await page.request.get(`${SMS_SANDBOX_URL}/messages?to=${to}`);
  return ((await res.json()) as { messages: Sms[] }).messages;
}

test("[W5] every page of every role in Korean shows the Korean catalog, with no English shop or bouquet text", async ({ browser }) => {
  test.setTimeout(240_000);
  expect(ENGLISH_CATALOG.length).toBeGreaterThan(50);
  const digits = String(Date.now()).slice(-8);
  const phone = `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
  const shop = "서울숲 꽃집";
  const roses = "빨간 장미 클래식";

  // The customer.
  const customerContext = await browser.newContext({ locale: "ko-KR" });
  const customer = await customerContext.newPage();
  await customer.goto("/stores");
  await expectKoreanCatalog(customer, "/stores (visitor)", "크라프트지로 감싼 계절 정원풍 꽃다발.");
  await signIn(customer, ACCOUNTS.customer);
  await expect(customer).toHaveURL(/\/stores$/);
  await expectKoreanCatalog(customer, "/stores", shop);
  await customer.goto(`/stores/${SEOUL_FOREST}`);
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(shop);
  await expectKoreanCatalog(customer, "/stores/:id", "서울 성동구 서울숲2길 12");
  await expectKoreanCatalog(customer, "/stores/:id descriptions", "유칼립투스를 곁들인 긴 줄기 빨간 장미 열두 송이.");
  await addToCart(customer, "Red Rose Classic");
  await expect(customer.getByRole("status").filter({ hasText: roses }).first()).toBeVisible();
  await expectKoreanCatalog(customer, "/stores/:id with a cart", roses);

  await customer.goto("/checkout");
  await expectKoreanCatalog(customer, "/checkout", roses);
  await customer.getByLabel(m.checkout.recipient.name).fill("윤소연");
  await customer.getByLabel(m.checkout.recipient.phone).fill(phone);
  await customer.getByLabel(m.checkout.delivery.address).fill("서울 중구 을지로 88");
  await customer.getByLabel(m.checkout.delivery.date).fill(tomorrowInSeoul());
  await customer.getByRole("radio").first().check();
  await customer.getByLabel(m.checkout.card.number).fill("4242 4242 4242 4242");
  await customer.getByLabel(m.checkout.card.expiry).fill("12/30");
  await customer.getByLabel(m.checkout.card.cvc).fill("123");
  await customer.getByRole("button", { name: m.checkout.pay }).click();
  await expect(customer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = customer.url().split("/").pop()!;
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(fillMessage(m.order.title, { store: shop }));
  await expectKoreanCatalog(customer, "/orders/:id", roses);
  await customer.goto("/orders");
  await expectKoreanCatalog(customer, "/orders", roses);
  await customer.goto("/mypage");
  await expect(customer.getByTestId("mypage-order-status").first()).toBeVisible({ timeout: 15_000 });
  await expectKoreanCatalog(customer, "/mypage", roses);

  // The owner: the board, the menu, the ticket and the sales.
  const ownerContext = await browser.newContext({ locale: "ko-KR" });
  const owner = await ownerContext.newPage();
  await signIn(owner, ACCOUNTS.owner);
  await expect(owner).toHaveURL(/\/board$/);
  await boardAllDays(owner);
  const card = await openBoardCard(owner, orderId);
  await expect(card.getByTestId("board-items-summary")).toContainText(`${roses} ×1`);
  await expectKoreanCatalog(owner, "/board", roses);
  await card.getByRole("button", { name: new RegExp(`^${m.board.card.accept}`) }).click();
  await expect(card).toHaveAttribute("data-status", "ACCEPTED");
  // The recipient's text message is in the sender's language, the shop's name included.
  await expect.poll(async () => (await textsTo(owner, phone.replaceAll("-", ""))).length, { timeout: 20_000 }).toBe(1);
  const [sms] = await textsTo(owner, phone.replaceAll("-", ""));
  expect(sms!.text).toContain(shop);
  expect(ENGLISH_CATALOG.filter((text) => sms!.text.includes(text))).toEqual([]);
  const link = sms!.text.match(/https?:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, sms!.text).toBeTruthy();
  await card.getByRole("button", { name: new RegExp(`^${m.board.card.decorationDone}`) }).click();
  await expect(card).toHaveAttribute("data-status", "DECORATED");

  await owner.goto(`/board/menu?store=${SEOUL_FOREST}`);
  await expect(owner.getByTestId("shop-profile")).toBeVisible();
  await expectKoreanCatalog(owner, "/board/menu", roses);
  await owner.goto(`/board/tickets?orders=${orderId}`);
  await expectKoreanCatalog(owner, "/board/tickets", roses);
  await owner.goto(`/board/sales?store=${SEOUL_FOREST}`);
  await expectKoreanCatalog(owner, "/board/sales", shop);

  // The rider: the open request, then their own delivery with the shop's address.
  const riderContext = await browser.newContext({ locale: "ko-KR" });
  const rider = await riderContext.newPage();
  await signIn(rider, ACCOUNTS.rider);
  await expect(rider).toHaveURL(/\/deliveries$/);
  // P1: the open request's card is compact; what it carries shows once its details are opened.
  const request = await openRiderRequest(rider, orderId);
  await expect(request).toContainText(shop);
  await expectKoreanCatalog(rider, "/deliveries, open requests", roses);
  await request.getByRole("button", { name: new RegExp(`^${m.rider.take}`) }).click();
  const mine = rider.locator(`[data-testid="my-delivery"][data-order-id="${orderId}"]`);
  await expect(mine).toBeVisible({ timeout: 15_000 });
  await expect(mine).toContainText("서울 성동구 서울숲2길 12");
  await expectKoreanCatalog(rider, "/deliveries, my delivery", shop);

  // The recipient's tracking page, on a Korean phone.
  const recipientContext = await browser.newContext({ locale: "ko-KR" });
  const recipient = await recipientContext.newPage();
  await recipient.goto(link!);
  await expect(recipient.getByTestId("tracking")).toBeVisible();
  await expectKoreanCatalog(recipient, "/t/:token", shop);

  for (const c of [customerContext, ownerContext, riderContext, recipientContext]) await c.close();
});

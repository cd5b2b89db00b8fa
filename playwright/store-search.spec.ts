// [F1][P1] The shop list and a shop's page, rendered on the server from its address: searching by name and by area,
// Enter keeps the area, a search with no match clears, bad input is set aside and said so, and the
// same search works with JavaScript off (a GET form). The page ships no tRPC / TanStack Query.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, messagesOf, SEOUL_FOREST } from "./support";

const card = (page: Page, name: string) => page.locator("main article").filter({ has: page.getByRole("link", { name, exact: true }) });

test.describe("[F1] the shop list", () => {
  test("[F1] search by name and area follows the address; Enter keeps the area; no match clears", async ({ page }) => {
    await page.goto("/stores");
    const m = (await messagesOf(page)).stores;
    await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
    await expect(card(page, "Seoul Forest Florist")).toBeVisible();
    const search = page.getByRole("searchbox", { name: m.searchLabel });

    await search.fill("Atelier");
    await expect(page).toHaveURL(/\/stores\?q=Atelier$/);
    await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
    await expect(card(page, "Seoul Forest Florist")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /found/ })).toBeVisible();

    // An area chip: pressed, in the address, and the list follows.
    await search.fill("");
    await expect(page).toHaveURL(/\/stores$/);
    const areas = page.getByRole("group", { name: m.areaFilter });
    await areas.getByRole("button", { name: "Mapo", exact: true }).click();
    await expect(page).toHaveURL(/\/stores\?area=Mapo$/);
    await expect(areas.getByRole("button", { name: "Mapo", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(card(page, "Hongdae Petal Studio")).toBeVisible();
    await expect(card(page, "Gangnam Atelier Fleur")).toHaveCount(0);

    // Enter in the search box keeps the chosen area.
    await search.fill("Hongdae");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/stores\?q=Hongdae&area=Mapo$/);
    await expect(card(page, "Hongdae Petal Studio")).toBeVisible();

    // Nothing matches: said so, and "Clear search" brings every shop back and empties the box.
    await search.fill("no such florist anywhere");
    await expect(page.getByText(m.noMatch)).toBeVisible();
    await page.getByRole("link", { name: m.clear }).click();
    await expect(page).toHaveURL(/\/stores$/);
    await expect(search).toHaveValue("");
    await expect(areas.getByRole("button", { name: m.allAreas })).toHaveAttribute("aria-pressed", "true");
    await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
    await expectAccessible(page, "the shop list after a search");
  });

  test("[F1] a search too long for the schema is set aside, said so, and every shop is listed", async ({ page }) => {
    await page.goto(`/stores?q=${"x".repeat(61)}`);
    const m = (await messagesOf(page)).stores;
    await expect(page.getByRole("status").filter({ hasText: m.invalidSearch })).toBeVisible();
    await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
    await expect(card(page, "Seoul Forest Florist")).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("[F1] the search form is a plain GET: the shops are in the first HTML", async ({ page }) => {
      await page.goto("/stores");
      const m = (await messagesOf(page)).stores;
      await page.getByRole("searchbox", { name: m.searchLabel }).fill("Atelier");
      await page.getByRole("searchbox", { name: m.searchLabel }).press("Enter");
      await expect(page).toHaveURL(/\/stores\?area=&q=Atelier$|\/stores\?q=Atelier&area=$/);
      await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
      await expect(card(page, "Seoul Forest Florist")).toHaveCount(0);
      await page.getByRole("group", { name: m.areaFilter }).getByRole("button", { name: "Gangnam", exact: true }).click();
      await expect(page).toHaveURL(/area=Gangnam/);
      await expect(card(page, "Gangnam Atelier Fleur")).toBeVisible();
    });
  });
});

test("[F1] a shop that does not exist answers 404 with the way back; a malformed id too", async ({ page }) => {
  for (const id of ["10000000-0000-4000-8000-00000000dead", "not-a-shop"]) {
    const response = await page.goto(`/stores/${id}`);
    expect(response?.status(), id).toBe(404);
    const m = (await messagesOf(page)).menu;
    await expect(page.getByRole("heading", { level: 1, name: m.notFound })).toBeVisible();
    await expect(page.getByRole("link", { name: m.allShops })).toHaveAttribute("href", "/stores");
  }
});

test("[P1] the shop list, a shop's page and sign-in load no tRPC or TanStack Query", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
  });
  for (const path of ["/stores", `/stores/${SEOUL_FOREST}`, "/signin"]) {
    scripts.length = 0;
    await page.goto(path);
    await page.waitForLoadState("load");
    const all = scripts.join("\n");
    expect(all.length, `scripts of ${path}`).toBeGreaterThan(10_000);
    // TanStack Query's client and tRPC's links, by strings their builds carry.
    expect(all.includes("httpBatchLink") || all.includes("QueryClientProvider") || all.includes("trpc-accept"), `tRPC/TanStack in ${path}`).toBe(false);
  }
});

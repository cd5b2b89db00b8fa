// [X3] "Ring this device" on the board and the rider screen: present in both languages, labelled,
// axe-clean, with the service worker registered. What a journey here cannot show is a push
// arriving: Chromium subscribes through its vendor's push service (FCM), which this offline machine
// cannot reach, so subscribing ends in the control's error hint — checked below, with nothing
// stored. The push itself (encrypted, VAPID-signed, decrypted with the device's keys, 410 handling)
// is proven against a local push service in packages/app/src/notification/push/staff-push.int.test.ts.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, expectAccessible, MESSAGES, signIn } from "./support";

async function serviceWorkerScript(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    const sw = reg?.active ?? reg?.waiting ?? reg?.installing;
    return sw ? new URL(sw.scriptURL).pathname : null;
  });
}

async function storedDevices(): Promise<number> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM notify_push_subscriptions")).rows[0]!.n;
  } finally {
    await c.end();
  }
}

for (const [locale, lang] of [
  ["en-US", "en"],
  ["ko-KR", "ko"],
] as const) {
  test.describe(`[X3] device alerts, ${locale}`, () => {
    test.use({ locale, permissions: ["notifications"] });

    test(`[X3] the board offers "Ring this device", labelled and axe-clean, with the service worker registered (${locale})`, async ({ page }) => {
      const m = MESSAGES[lang].push;
      await signIn(page, ACCOUNTS.owner);
      await expect(page).toHaveURL(/\/board$/);
      const control = page.getByTestId("push-opt-in");
      await expect(control).toHaveAttribute("data-state", "off", { timeout: 15_000 });
      const toggle = page.getByRole("switch", { name: m.ring });
      await expect(toggle).toBeEnabled();
      await expect(toggle).toHaveAccessibleDescription(m.whatOwner);
      expect(await serviceWorkerScript(page)).toBe("/sw.js");
      await expectAccessible(page, `owner /board with the push control (${locale})`);
    });

    test(`[X3] the rider screen offers it too; offline, subscribing ends in the error hint and stores nothing (${locale})`, async ({ page }) => {
      const m = MESSAGES[lang].push;
      await signIn(page, ACCOUNTS.rider);
      await expect(page).toHaveURL(/\/deliveries$/);
      const control = page.getByTestId("push-opt-in");
      await expect(control).toHaveAttribute("data-state", "off", { timeout: 15_000 });
      await expect(page.getByRole("switch", { name: m.ring })).toHaveAccessibleDescription(m.whatRider);
      await expectAccessible(page, `rider /deliveries with the push control (${locale})`);

      const before = await storedDevices();
      await page.getByRole("switch", { name: m.ring }).click();
      // Chromium cannot reach its push service from here: the subscription fails, and says so.
      await expect(control).toHaveAttribute("data-state", "error", { timeout: 30_000 });
      await expect(control.getByRole("status")).toHaveText(m.hint.error);
      expect(await storedDevices()).toBe(before);
      await expectAccessible(page, `rider /deliveries with the push error hint (${locale})`);
    });
  });
}

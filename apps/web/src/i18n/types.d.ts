// Typed messages: every t("…") key is checked against the English messages at compile time, and a
// unit test (messages.test.ts) checks that Korean has exactly the same keys.
import type { Locale } from "./config";
import type en from "./messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}

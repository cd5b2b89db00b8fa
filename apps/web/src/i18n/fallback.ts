// What a missing message renders as: its full key ("checkout.payTitle"), which the [B3] journey
// scans every page for, and which the console also reports with an "[i18n]" prefix.
export function messageFallback({ namespace, key }: { namespace?: string; key: string }): string {
  return [namespace, key].filter(Boolean).join(".");
}

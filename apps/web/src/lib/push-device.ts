// X3: signing out turns this browser's device alerts off, so a shared tablet or a phone handed on
// stops ringing for the account that left. Bounded: sign-out never waits more than a moment on it.
export async function forgetThisPushDevice(remove: (endpoint: string) => Promise<unknown>, timeoutMs = 2000): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const work = (async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    const sub = await reg?.pushManager?.getSubscription();
    if (!sub) return;
    // Removed on the server first, while the session still exists; then the browser forgets it.
    await remove(sub.endpoint).catch(() => undefined);
    await sub.unsubscribe().catch(() => undefined);
  })().catch(() => undefined);
  await Promise.race([work, new Promise((r) => setTimeout(r, timeoutMs))]);
}

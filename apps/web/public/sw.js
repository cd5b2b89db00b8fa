// Bloom's service worker (X3): shows the staff alerts web push brings (a new order, a cancellation,
// an open delivery request) while the board or the rider screen is in the background or closed, and
// opens the right page on a tap. It caches nothing: the app stays online-only.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Bloom";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      // One notification per order or request: a cancellation replaces the new order's, and rings again.
      tag: typeof data.tag === "string" ? data.tag : undefined,
      renotify: typeof data.tag === "string",
      requireInteraction: false,
      icon: "/img/push-icon.png",
      data: { url: sameOriginPath(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(sameOriginPath(event.notification.data && event.notification.data.url), self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      // The page already open (the board, the rider screen) comes to the front at the right address.
      const same = windows.find((w) => new URL(w.url).pathname === target.pathname) || windows.find((w) => new URL(w.url).origin === target.origin);
      if (same) {
        const focused = await same.focus();
        if (focused.url !== target.href && "navigate" in focused) await focused.navigate(target.href).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(target.href);
    })(),
  );
});

/** Only a path of this site: a push cannot send a tap elsewhere. */
function sameOriginPath(url) {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return "/";
  return url;
}

"use client";
// "Ring this device" (X3): the board's and the rider screen's opt-in to web push. Registers the
// service worker (/sw.js), asks for the Notification permission on the user's tap (browsers allow
// it only then), subscribes through the Push API with the server's VAPID public key and saves the
// subscription for this device; off unsubscribes and removes it. On each visit an existing
// subscription is saved again, which keeps its language current. The in-page sound alert is the
// fallback wherever push is missing (no support, blocked, iOS outside the Home Screen).
import { useMutation, useQuery } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Switch } from "~/components/ui/switch";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";

type State = "checking" | "off" | "on" | "unsupported" | "iosInstall" | "blocked" | "unavailable" | "error";
const HINTS: readonly State[] = ["unsupported", "iosInstall", "blocked", "unavailable", "error"];

function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** iPhone and iPad have web push only for a site added to the Home Screen and opened from there. */
function iosOutsideHomeScreen(): boolean {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const standalone = window.matchMedia?.("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true;
  return ios && !standalone;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function sameKey(sub: PushSubscription, publicKey: string): boolean {
  const k = sub.options?.applicationServerKey;
  if (!k) return true; // not exposed by this browser: assume it is ours
  const a = new Uint8Array(k);
  const b = keyBytes(publicKey);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** "Chrome on Android": how the device is named beside the subscription. */
function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? "Edge" : /SamsungBrowser/.test(ua) ? "Samsung Internet" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad|iPod/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

export function PushOptIn({ audience, className }: { audience: "owner" | "rider"; className?: string }) {
  const t = useTranslations("push");
  const locale = useLocale() === "en" ? "en" : "ko";
  const trpc = useTRPC();
  const id = useId();
  const hintId = useId();
  const whatId = useId();
  const config = useQuery(trpc.push.config.queryOptions(undefined, { staleTime: Infinity }));
  const save = useMutation(trpc.push.save.mutationOptions());
  const remove = useMutation(trpc.push.remove.mutationOptions());
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const checked = useRef(false);
  const publicKey = config.data?.publicKey ?? null;

  const store = useCallback(
    (sub: PushSubscription) => {
      const json = sub.toJSON();
      return save.mutateAsync({
        endpoint: sub.endpoint,
        expirationTime: sub.expirationTime,
        keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
        locale,
        label: deviceLabel(),
      });
    },
    [save, locale],
  );

  // What this device can do, once: supported, allowed, already subscribed (then saved again).
  useEffect(() => {
    if (checked.current || config.isPending) return;
    checked.current = true;
    void (async () => {
      if (!pushSupported()) return setState(typeof navigator !== "undefined" && iosOutsideHomeScreen() ? "iosInstall" : "unsupported");
      if (!publicKey) return setState("unavailable");
      if (Notification.permission === "denied") return setState("blocked");
      try {
        const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        const sub = await reg.pushManager.getSubscription();
        if (!sub) return setState("off");
        // Subscribed under another server key (the keys were rotated): that subscription cannot ring.
        if (!sameKey(sub, publicKey)) {
          await sub.unsubscribe().catch(() => undefined);
          return setState("off");
        }
        setState(Notification.permission === "granted" ? "on" : "off");
        if (Notification.permission === "granted") await store(sub).catch(() => undefined);
      } catch {
        setState("error");
      }
    })();
  }, [config.isPending, publicKey, store]);

  async function toggle(next: boolean) {
    if (!publicKey) return;
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      if (next) {
        const permission = await Notification.requestPermission();
        if (permission !== "granted") return setState(permission === "denied" ? "blocked" : "off");
        const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
        await store(sub);
        setState("on");
      } else {
        const sub = await reg.pushManager.getSubscription();
        if (sub) {
          await remove.mutateAsync({ endpoint: sub.endpoint });
          await sub.unsubscribe();
        }
        setState("off");
      }
    } catch {
      setState("error");
    } finally {
      setBusy(false);
    }
  }

  const hint = HINTS.includes(state) ? t(`hint.${state}` as "hint.unsupported") : null;
  return (
    <div className={cn("grid gap-1", className)} data-testid="push-opt-in" data-state={state}>
      <div className="inline-flex min-h-9 items-center gap-2 self-start rounded-full border border-line-strong bg-surface px-3">
        <BellRing aria-hidden="true" className="size-4 text-muted" />
        <label htmlFor={id} className="cursor-pointer text-sm font-semibold">
          {t("ring")}
        </label>
        <Switch
          id={id}
          size="sm"
          checked={state === "on"}
          disabled={busy || (state !== "on" && state !== "off" && state !== "error")}
          onCheckedChange={(v) => void toggle(v)}
          aria-describedby={hint ? `${whatId} ${hintId}` : whatId}
        />
      </div>
      <p id={whatId} className="sr-only">
        {t(audience === "owner" ? "whatOwner" : "whatRider")}
      </p>
      {hint && (
        <p id={hintId} role="status" className="m-0 max-w-xs text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

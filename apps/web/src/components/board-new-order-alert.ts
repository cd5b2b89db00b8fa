"use client";
// How new orders announce themselves on the shop tablet: a polite live message, a short beep
// made with the Web Audio API (no sound files) and the unread count in the tab title.
// Browsers let a page make sound only after a user gesture, so the audio is unlocked on the first
// tap or key press anywhere on the page (and by the "Sound alerts" toggle).
import { UNREAD_COUNT_CAP } from "@bloom/domain";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (typeof window === "undefined") return null;
  if (!audio) {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    audio = new Ctor();
  }
  return audio;
}

function unlockAudio(): void {
  const ac = audioContext();
  if (ac?.state === "suspended") void ac.resume().catch(() => undefined);
}

/** Two short rising tones: noticeable across a shop, not harsh up close. */
export function beep(): void {
  const ac = audioContext();
  if (!ac) return;
  if (ac.state === "suspended") void ac.resume().catch(() => undefined);
  const t0 = ac.currentTime + 0.02;
  for (const [freq, offset] of [
    [880, 0],
    [1320, 0.18],
  ] as const) {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0 + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.15);
    osc.connect(gain).connect(ac.destination);
    osc.start(t0 + offset);
    osc.stop(t0 + offset + 0.16);
  }
}

// ── the sound preference, remembered on this tablet ─────────────────────────
const SOUND_KEY = "bloom.board.sound";
const soundListeners = new Set<() => void>();

function readSound(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

export function useSoundAlerts(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (l) => {
      soundListeners.add(l);
      return () => soundListeners.delete(l);
    },
    readSound,
    () => true,
  );
  const set = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(SOUND_KEY, next ? "on" : "off");
    } catch {
      // Private mode: the choice lasts for this page view only.
    }
    if (next) beep();
    for (const l of soundListeners) l();
  }, []);

  useEffect(() => {
    const unlock = () => unlockAudio();
    window.addEventListener("pointerdown", unlock, { once: true });
    window.addEventListener("keydown", unlock, { once: true });
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, []);
  return [on, set];
}

// ── spotting new orders between two polls ───────────────────────────────────
const MESSAGE_MS = 8000;

/**
 * Returns the live message for the board. `newOrderIds` are the orders now in NEW; `scope` is the
 * store filter: switching stores sets a new baseline instead of announcing the other store's orders.
 * Ids, not counts, are compared, so an order accepted in the same poll cannot hide a new one.
 */
export function useNewOrderAlert(
  newOrderIds: readonly string[] | undefined,
  scope: string,
  sound: boolean,
  words: (count: number) => string,
): { message: string; fresh: ReadonlySet<string> } {
  const seen = useRef<{ scope: string; ids: Set<string> } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [message, setMessage] = useState("");
  // Orders that arrived while the board was open: their cards pulse to catch the eye.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const key = newOrderIds?.join(",");

  useEffect(() => {
    if (newOrderIds === undefined) return;
    const before = seen.current;
    if (!before || before.scope !== scope) {
      seen.current = { scope, ids: new Set(newOrderIds) };
      return;
    }
    const added = newOrderIds.filter((id) => !before.ids.has(id));
    for (const id of added) before.ids.add(id);
    if (added.length === 0) return;

    if (sound) beep();
    setFresh((f) => new Set([...f, ...added]));
    const text = words(added.length);
    // Clear first so the same words are announced again for the next order.
    setMessage("");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setMessage(text);
      timer.current = setTimeout(() => setMessage(""), MESSAGE_MS);
    }, 50);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the ids' content
  }, [key, scope, sound]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { message, fresh };
}

/** "(3) Order board · Bloom" while there are unread notifications. */
export function useUnreadTitle(unread: number | undefined): void {
  useEffect(() => {
    if (!unread) return;
    const original = document.title.replace(/^\(\d+\+?\) /, "");
    document.title = `(${unread >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : unread}) ${original}`;
    return () => {
      document.title = original;
    };
  }, [unread]);
}

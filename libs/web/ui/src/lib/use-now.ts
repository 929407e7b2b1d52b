import { useSyncExternalStore } from 'react';

/** One shared clock for every relative time on the page (a single timer, ticking every 15 s). */
const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

function getSnapshot(): number {
  // While no timer runs, the clock may be stale: refresh it (a stable value between two close calls).
  if (timer === null && Date.now() - now > TICK_MS) now = Date.now();
  return now;
}

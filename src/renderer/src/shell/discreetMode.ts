/**
 * Discreet mode: one gesture replaces the whole window with a neutral screen. Pressing Esc twice (within
 * {@link DOUBLE_ESC_MS}) or the header button turns it on; only a deliberate two-step action turns it off.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { highlightInGraph, selectRecord, setGraphOverlay, showTab } from '../state/appStore';

/** How close together two Esc presses must be to count as the discreet gesture. */
export const DOUBLE_ESC_MS = 600;

let hidden = false;
const listeners = new Set<() => void>();

function publish(next: boolean): void {
  hidden = next;
  for (const listener of listeners) listener();
}

/** Hides everything now: the views unmount, and selection, highlights and overlays are cleared. */
export function enterDiscreetMode(): void {
  selectRecord(null);
  highlightInGraph(null);
  setGraphOverlay(null);
  showTab('network');
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  publish(true);
}

/** Shows the app again (called only after the user confirmed). */
export function leaveDiscreetMode(): void {
  publish(false);
}

/** Whether the neutral screen is showing. */
export function useDiscreetMode(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => hidden,
  );
}

/** Listens for Esc pressed twice anywhere in the window. */
export function useDoubleEscape(): void {
  useEffect(() => {
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || hidden) return;
      const now = performance.now();
      if (now - last <= DOUBLE_ESC_MS) {
        last = 0;
        enterDiscreetMode();
      } else last = now;
    };
    // Capture phase: a dialog or menu that swallows Esc must not stop the safety gesture.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

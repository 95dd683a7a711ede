/// <reference lib="dom" />
/**
 * What the page shows at the moment the network view says a change is drawn: the view keeps the graph canvas marked
 * aria-busy while it changes the drawn graph, and a MutationObserver runs in the task that clears the mark, so what
 * it reads there is what the view had drawn when it said so, not what the frames after added.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** What `readWhenBusyMarkClears` read, once the mark was set and then cleared. */
    __readWhenNotBusy?: { value: unknown };
  }
}

export type BusyMarkReading<T> = {
  /** The reading, or undefined if the mark has not been set and cleared since. */
  taken(): Promise<T | undefined>;
  /** Waits for the reading. */
  waitFor(timeout: number): Promise<T>;
};

/**
 * Calls the page's `window[reader]()` in the task that next clears the canvas's busy mark, after the mark is set.
 * Starts watching now: call it before the action whose change is to be read.
 */
export async function readWhenBusyMarkClears<T>(page: Page, reader: string): Promise<BusyMarkReading<T>> {
  await page.evaluate((readerName) => {
    const canvas = document.querySelector('[data-testid="graph-canvas"]')!;
    const read = (window as unknown as Record<string, () => unknown>)[readerName]!;
    let sawBusy = false;
    window.__readWhenNotBusy = undefined;
    const observer = new MutationObserver(() => {
      if (canvas.getAttribute('aria-busy') === 'true') sawBusy = true;
      else if (sawBusy) {
        observer.disconnect();
        window.__readWhenNotBusy = { value: read() };
      }
    });
    observer.observe(canvas, { attributes: true, attributeFilter: ['aria-busy'] });
  }, reader);
  const taken = () => page.evaluate(() => window.__readWhenNotBusy?.value as T | undefined);
  return {
    taken,
    async waitFor(timeout) {
      await page.waitForFunction(() => window.__readWhenNotBusy !== undefined, undefined, { timeout });
      return (await taken()) as T;
    },
  };
}

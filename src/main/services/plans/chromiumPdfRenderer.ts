/**
 * A PdfRenderer over headless Debian Chromium (playwright-core's page.pdf), for the CLI and the tests, where there
 * is no Electron. The page gets no network at all: every request is aborted, so the HTML can only use what it
 * carries.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AtlasError } from '../../../shared/api';
import type { PdfRenderer } from './pdfRenderer';

/** Where Chromium is expected; CHROMIUM_PATH overrides. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox as root, no GPU, nothing calling out. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A Chromium PDF renderer; the browser starts on first use and stops with `close()`. */
export function chromiumPdfRenderer(): PdfRenderer & { close(): Promise<void> } {
  let browser: Promise<Browser> | undefined;
  return {
    async renderPdf(html) {
      if (!existsSync(CHROMIUM_EXECUTABLE)) {
        throw new AtlasError(
          'UNAVAILABLE',
          `Chromium is not installed at ${CHROMIUM_EXECUTABLE}; it is needed to make the PDF.`,
        );
      }
      browser ??= chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, headless: true, args: CHROMIUM_FLAGS });
      const page = await (await browser).newPage({ javaScriptEnabled: false });
      try {
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = undefined;
    },
  };
}

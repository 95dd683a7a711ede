/**
 * PDF from the directory's HTML. The service depends only on {@link PdfRenderer}; the CLI and the bridge use
 * headless Chromium through playwright-core, and the Electron app can pass a renderer over `webContents.printToPDF`.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AtlasError } from '../../../shared/api';

/** Turns a self-contained HTML document into PDF bytes, honouring its CSS `@page` rules. */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
}

/** The flags headless Chromium needs here: no sandbox as root, no GPU, nothing that calls out over the network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A renderer over a headless Chromium (default /usr/bin/chromium, or CHROMIUM_PATH); every request leaving the page is blocked. */
export function chromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PdfRenderer {
  return {
    async render(html) {
      if (!existsSync(executablePath)) {
        throw new AtlasError(
          'UNAVAILABLE',
          `PDF export needs Chromium at ${executablePath} (set CHROMIUM_PATH); export HTML and print it instead.`,
        );
      }
      const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
      try {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await browser.close();
      }
    },
  };
}

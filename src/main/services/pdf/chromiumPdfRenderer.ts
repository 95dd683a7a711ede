/**
 * PDF through headless Chromium (playwright-core's `page.pdf`), for the CLI and the tests. The page is loaded with
 * JavaScript and all network access disabled: the HTML must be self-contained.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AtlasError } from '../../../shared/api';
import type { PdfOptions, PdfRenderer } from './pdfRenderer';

/** Where Chromium is expected; CHROMIUM_PATH overrides. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A PDF renderer that starts Chromium on first use and keeps it until `close()`. */
export function chromiumPdfRenderer(executablePath = CHROMIUM_EXECUTABLE): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  const start = async () => {
    if (!existsSync(executablePath)) {
      throw new AtlasError(
        'UNAVAILABLE',
        `PDF output needs Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
      );
    }
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  };
  return {
    async htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
      browser ??= start();
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        // Nothing may be fetched while printing: the document is self-contained by contract.
        await page.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: options.pageSize ?? 'Letter',
          landscape: options.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const running = browser;
      browser = undefined;
      if (running) await (await running).close();
    },
  };
}

/**
 * PDF in the desktop app: a hidden, sandboxed window with JavaScript off loads the document from the app protocol
 * (`app://atlas/__print/<id>.html`, served once from memory, never from disk) and Chromium's `printToPDF` prints it.
 * The same self-contained HTML the CLI and the tests print through headless Chromium.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import type { PdfOptions, PdfRenderer } from '../services/pdf/pdfRenderer';

/** Where print documents live under the app origin. */
export const PRINT_PATH_PREFIX = '/__print/';

/** The policy of a print document: its own inline styles and data images, nothing else, no script. */
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Documents waiting to be loaded by a print window; each is served once, then forgotten. */
export class PrintDocuments {
  private readonly documents = new Map<string, string>();

  /** Keeps `html` and returns the URL path it is served at. */
  add(html: string): string {
    const path = `${PRINT_PATH_PREFIX}${randomUUID()}.html`;
    this.documents.set(path, html);
    return path;
  }

  /** The document at `path`, removed as it is taken; undefined for anything else. */
  take(path: string): string | undefined {
    const html = this.documents.get(path);
    this.documents.delete(path);
    return html;
  }
}

/** The part of a BrowserWindow printing needs, so a test can pass a stand-in. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Buffer> };
  destroy(): void;
}

/** The hidden print window's options: never shown, sandboxed, no script, no preload. */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  },
};

/** A PdfRenderer over hidden print windows; `origin` is the app origin (`app://atlas`). */
export function electronPdfRenderer(
  openWindow: (options: BrowserWindowConstructorOptions) => PrintWindow,
  documents: PrintDocuments,
  origin: string,
): PdfRenderer {
  return {
    async htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
      const window = openWindow(PRINT_WINDOW_OPTIONS);
      try {
        await window.loadURL(`${origin}${documents.add(html)}`);
        const pdf = await window.webContents.printToPDF({
          pageSize: options.pageSize ?? 'Letter',
          landscape: options.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
      }
    },
  };
}

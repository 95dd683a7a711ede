/**
 * Turning a self-contained HTML document into a PDF. The app, the CLI and the tests print the same HTML: the Electron
 * app with `webContents.printToPDF` (wired in the composition root), the CLI and the tests with headless Chromium
 * (./chromiumPdfRenderer.ts). Services receive the renderer through the Atlas and never know which one it is.
 */

/** Page options every renderer honours. */
export interface PdfOptions {
  landscape?: boolean;
  /** A paper size name understood by both renderers. Default Letter (the directories are U.S. ones). */
  pageSize?: 'Letter' | 'A4';
}

/** Renders HTML (with inline CSS, no remote resources) to PDF bytes. */
export interface PdfRenderer {
  htmlToPdf(html: string, options?: PdfOptions): Promise<Uint8Array>;
  /** Releases what the renderer holds (a browser process); safe to call more than once. */
  close?(): Promise<void>;
}

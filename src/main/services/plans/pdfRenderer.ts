/**
 * How services turn the printable HTML into a PDF without knowing who does it: Electron's printToPDF in the app,
 * headless Chromium's page.pdf in the CLI and the tests. The composition root (or the CLI, or a test) provides one
 * per open Atlas; services ask for it when they print.
 */
import type { Atlas } from '../atlas';

/** Renders a self-contained HTML page to PDF bytes. */
export interface PdfRenderer {
  renderPdf(html: string): Promise<Uint8Array>;
}

const renderers = new WeakMap<Atlas, PdfRenderer>();

/** Gives an open Atlas's services the PDF renderer to use. */
export function providePdfRenderer(atlas: Atlas, renderer: PdfRenderer): void {
  renderers.set(atlas, renderer);
}

/** The PDF renderer provided for an Atlas, if any. */
export function pdfRendererOf(atlas: Atlas): PdfRenderer | undefined {
  return renderers.get(atlas);
}

import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../appProtocol';
import { PRINT_WINDOW_OPTIONS, PrintDocuments, electronPdfRenderer, type PrintWindow } from './printToPdf';

describe('electronPdfRenderer', () => {
  it('prints the document from a hidden, script-less window that loads it once from the app protocol', async () => {
    const documents = new PrintDocuments();
    const served: Response[] = [];
    let destroyed = false;
    let openedWith: unknown;
    const renderer = electronPdfRenderer(
      (options) => {
        openedWith = options;
        const window: PrintWindow = {
          async loadURL(url) {
            served.push(await serveAppRequest('/nonexistent-renderer', url, documents));
            served.push(await serveAppRequest('/nonexistent-renderer', url, documents));
          },
          webContents: {
            printToPDF: async (options) => Buffer.from(`PDF ${options.pageSize} ${String(options.landscape)}`),
          },
          destroy: () => (destroyed = true),
        };
        return window;
      },
      documents,
      'app://atlas',
    );
    const pdf = await renderer.htmlToPdf('<!doctype html><style>p{color:red}</style><p>Plan</p>', {
      landscape: true,
      pageSize: 'A4',
    });
    expect(Buffer.from(pdf).toString()).toBe('PDF A4 true');
    expect(openedWith).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(served[0]?.status).toBe(200);
    expect(await served[0]?.text()).toContain('<p>Plan</p>');
    expect(served[0]?.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
    );
    expect(served[1]?.status).toBe(404);
    expect(destroyed).toBe(true);
  });

  it('closes the window even when printing fails', async () => {
    let destroyed = false;
    const renderer = electronPdfRenderer(
      () => ({
        loadURL: async () => {},
        webContents: {
          printToPDF: async () => {
            throw new Error('printer on fire');
          },
        },
        destroy: () => (destroyed = true),
      }),
      new PrintDocuments(),
      'app://atlas',
    );
    await expect(renderer.htmlToPdf('<p>x</p>')).rejects.toThrow('printer on fire');
    expect(destroyed).toBe(true);
  });
});

/// <reference lib="dom" />
/**
 * Checks on the graph's PNG export against the image Cytoscape draws in one go (`cy.png`, every label included):
 * whether `cy.png` was called at all (it holds the main thread while it draws), and the ink (darkness) in each of 40
 * strips of rows of both images at the same scale, after scaling both down to 8 × 40 pixels. A band missing, shifted
 * or drawn twice, or names left out, change the strips' ink.
 */
import type { Page } from 'playwright-core';

/** The signature every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The view's instance as these checks use it (the page exposes it with ?atlasTest). */
type CountedPng = { png(...args: unknown[]): unknown; __pngCalls?: number };

/** From now on, counts the page's calls of `cy.png`; resolves to a reader of the count. */
export async function countCytoscapePng(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const cy = (window as unknown as { __atlasCy: CountedPng }).__atlasCy;
    const png = cy.png;
    cy.__pngCalls = 0;
    cy.png = function (...args: unknown[]) {
      cy.__pngCalls!++;
      return png.apply(this, args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __atlasCy: CountedPng }).__atlasCy.__pngCalls ?? 0);
}

export type StripInk = { exported: number[]; reference: number[] };

/** The ink by strip of `exported` (a PNG file's bytes) and of `cy.png` at `scale`, in the page's graph. */
export function inkByStripAgainstCytoscape(page: Page, exported: Buffer, scale: number): Promise<StripInk> {
  return page.evaluate(
    async ({ exported, scale }) => {
      const inkByStrip = async (image: Blob) => {
        const bitmap = await createImageBitmap(image);
        const canvas = new OffscreenCanvas(8, 40);
        const context = canvas.getContext('2d')!;
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, 0, 0, 8, 40);
        const { data } = context.getImageData(0, 0, 8, 40);
        const ink = new Array<number>(40).fill(0);
        for (let pixel = 0; pixel < 8 * 40; pixel++) {
          ink[Math.floor(pixel / 8)]! += 3 * 255 - data[pixel * 4]! - data[pixel * 4 + 1]! - data[pixel * 4 + 2]!;
        }
        return ink;
      };
      // Not fetched from a data: address: the page's content policy allows no such request.
      const file = new Blob([Uint8Array.from(atob(exported), (char) => char.charCodeAt(0))], { type: 'image/png' });
      // The view's instance, which the page exposes with ?atlasTest.
      const cy = (window as unknown as { __atlasCy: { png(options: object): Promise<Blob> } }).__atlasCy;
      const reference = await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale });
      return { exported: await inkByStrip(file), reference: await inkByStrip(reference) };
    },
    { exported: exported.toString('base64'), scale },
  );
}

/** The strips whose ink differs from the reference's by more than 15 % of it plus a 400th of the whole image's. */
export function stripsOff({ exported, reference }: StripInk): { strip: number; exported: number; reference: number }[] {
  const total = reference.reduce((sum, ink) => sum + ink, 0);
  return reference
    .map((ink, strip) => ({ strip, exported: exported[strip]!, reference: ink }))
    .filter(({ exported: ink, reference: wanted }) => Math.abs(ink - wanted) >= 0.15 * wanted + total / 400);
}

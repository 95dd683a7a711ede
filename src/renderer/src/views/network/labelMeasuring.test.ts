import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { measureLabelsOnFreshCanvases } from './labelMeasuring';

/** A measuring context as a canvas's: what it has shaped, kept for its life (Chromium's cache). */
type MeasuringContext = { id: number; shaped: Set<string> };

/**
 * A renderer as Cytoscape's measures labels: on a canvas it makes the first time and keeps in `labelCalcCanvas` and
 * `labelCalcCanvasContext` (each canvas numbered, to tell them apart).
 */
function fakeRenderer() {
  let canvasesMade = 0;
  const renderer = {
    labelCalcCanvas: undefined as object | null | undefined,
    labelCalcCanvasContext: undefined as MeasuringContext | null | undefined,
    calculateLabelDimensions(this: typeof renderer, _element: unknown, text: string) {
      if (!this.labelCalcCanvas) {
        this.labelCalcCanvas = {};
        this.labelCalcCanvasContext = { id: ++canvasesMade, shaped: new Set() };
      }
      this.labelCalcCanvasContext!.shaped.add(text);
      return { width: text.length * 6, height: 12, canvas: this.labelCalcCanvasContext!.id };
    },
  };
  const cy = { renderer: () => renderer } as unknown as Core;
  return { cy, renderer, canvasesMade: () => canvasesMade };
}

const afterThisScript = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('label measuring', () => {
  it('lets the measuring canvas go once the script that measured returns, with what it shaped', async () => {
    const { cy, renderer, canvasesMade } = fakeRenderer();
    measureLabelsOnFreshCanvases(cy);
    // One run of script (a frame drawing labels, wrapping one): one canvas for all of it.
    const first = ['Harbor', 'Harbor Legal', 'Harbor Legal Aid'].map((text) =>
      renderer.calculateLabelDimensions({}, text),
    );
    expect(first).toEqual([
      { width: 36, height: 12, canvas: 1 },
      { width: 72, height: 12, canvas: 1 },
      { width: 96, height: 12, canvas: 1 },
    ]);
    const measuredOn = renderer.labelCalcCanvasContext!;
    expect(measuredOn.shaped.size).toBe(3);
    await afterThisScript();
    expect(renderer.labelCalcCanvas).toBeNull();
    expect(renderer.labelCalcCanvasContext).toBeNull();
    // The next run measures on a new canvas, which holds only its own strings, and is let go in turn.
    expect(renderer.calculateLabelDimensions({}, 'Marigold House')).toEqual({ width: 84, height: 12, canvas: 2 });
    expect([...renderer.labelCalcCanvasContext!.shaped]).toEqual(['Marigold House']);
    await afterThisScript();
    expect(renderer.labelCalcCanvasContext).toBeNull();
    expect(canvasesMade()).toBe(2);
  });

  it('changes nothing where the renderer does not measure labels', () => {
    const renderer = {};
    measureLabelsOnFreshCanvases({ renderer: () => renderer } as unknown as Core);
    expect(renderer).toEqual({});
  });
});

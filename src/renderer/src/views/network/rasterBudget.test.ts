import type { SingularElementArgument } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { rasterBudget, rasterUnits } from './rasterBudget';

/** A drawn element as the budget reads it: an edge's box, width and line style, or a node. */
function element(kind: 'node' | 'edge', box = { w: 0, h: 0 }, width = 1, lineStyle = 'solid') {
  return {
    isEdge: () => kind === 'edge',
    boundingBox: () => box,
    pstyle: (name: string) => (name === 'width' ? { pfValue: width } : { value: lineStyle }),
  } as unknown as SingularElementArgument;
}

describe('rasterUnits', () => {
  it('counts a relation by the pixels of its line: length, width past a pixel, dashes', () => {
    const solid = rasterUnits(element('edge', { w: 300, h: 400 }), 1);
    expect(solid).toBeCloseTo(30 + 500);
    // Half the scale, half the length (and the width under a pixel counts as one).
    expect(rasterUnits(element('edge', { w: 300, h: 400 }), 0.5)).toBeCloseTo(30 + 250);
    // Twice as wide at this scale: twice the pixels.
    expect(rasterUnits(element('edge', { w: 300, h: 400 }, 2), 1)).toBeCloseTo(30 + 1000);
    expect(rasterUnits(element('edge', { w: 300, h: 400 }, 1, 'dotted'), 1)).toBeCloseTo(30 + 1250);
  });

  it('counts a record as a copy of its picture, whatever its size', () => {
    expect(rasterUnits(element('node', { w: 40, h: 40 }), 1)).toBe(rasterUnits(element('node', { w: 400, h: 40 }), 2));
  });
});

describe('rasterBudget', () => {
  const longLine = element('edge', { w: 3000, h: 0 });

  it('ends a slice once its drawing and the estimated raster of it reach the slice, or the drawing alone its most', () => {
    let now = 0;
    const budget = rasterBudget(0, () => now);
    budget.startSlice();
    expect(budget.full()).toBe(false);
    // At first the dearest rate measured: 0.7 µs a unit, so 3,030 units a line, about 2.1 ms each.
    let lines = 0;
    while (!budget.full()) {
      budget.count(longLine);
      lines++;
    }
    expect(lines).toBe(10);
    // Drawing calls alone: at most 10 ms, however little they drew.
    budget.startSlice();
    now = 9.9;
    expect(budget.full()).toBe(false);
    now = 10;
    expect(budget.full()).toBe(true);
  });

  it('learns at once that raster is dearer than thought, and only slowly that it is cheaper', () => {
    const budget = rasterBudget(0, () => 0);
    const linesPerSlice = () => {
      budget.startSlice();
      let lines = 0;
      while (!budget.full()) {
        budget.count(longLine);
        lines++;
      }
      return lines;
    };
    const first = linesPerSlice();
    // The raster took four times the estimate: the next slice draws about a quarter as much.
    budget.rasterised(4 * first * 3030 * 0.0007 + 0.3);
    const dearer = linesPerSlice();
    expect(dearer).toBeLessThanOrEqual(Math.ceil(first / 4));
    // Then it took a tenth of the estimate: the next slice draws more, but well short of ten times as much.
    budget.rasterised((dearer * 3030 * 0.0028) / 10 + 0.3);
    const cheaper = linesPerSlice();
    expect(cheaper).toBeGreaterThan(dearer);
    expect(cheaper).toBeLessThan(dearer * 4);
    // Too little drawn to learn from: the estimate stays.
    budget.startSlice();
    budget.count(element('node'));
    budget.rasterised(100);
    expect(linesPerSlice()).toBe(cheaper);
  });
});

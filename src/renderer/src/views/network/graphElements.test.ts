import { describe, expect, it } from 'vitest';
import { boxOf, boxOfFlat, fittedViewport, nodeElement, ZOOM_RANGE } from './graphElements';

describe('fittedViewport', () => {
  it('centres the box and zooms so it fills the padded canvas along its tighter side', () => {
    const box = boxOf([
      { x: 0, y: 0 },
      { x: 954, y: 454 },
    ]);
    const viewport = fittedViewport(box, 1080, 580)!;
    // The box plus a node's margin on each side is 1,000 × 500; the padded canvas 1,000 × 500: zoom 1.
    expect(viewport.zoom).toBeCloseTo(1, 10);
    // The box's centre lands on the canvas's centre.
    expect(viewport.pan.x + viewport.zoom * 477).toBeCloseTo(540, 10);
    expect(viewport.pan.y + viewport.zoom * 227).toBeCloseTo(290, 10);
  });

  it('fits the box below what covers the top of the canvas, centred in the rest', () => {
    const box = boxOf([
      { x: 0, y: 0 },
      { x: 954, y: 454 },
    ]);
    // The canvas of the first case, 60 px taller, with its top 60 px covered: the same zoom, 60 px lower.
    const viewport = fittedViewport(box, 1080, 640, { coveredTop: 60 })!;
    expect(viewport.zoom).toBeCloseTo(1, 10);
    expect(viewport.pan.y + viewport.zoom * 227).toBeCloseTo(60 + 290, 10);
    // The box's top edge (less a node's margin) stays clear of the covered band and the padding.
    expect(viewport.pan.y + viewport.zoom * (0 - 23)).toBeCloseTo(60 + 40, 10);
    expect(fittedViewport(box, 1080, 640, { coveredTop: 560 })).toBeNull();
  });

  it('does not blow a few nodes up, nor zoom out past the range', () => {
    expect(fittedViewport(boxOf([{ x: 5, y: 5 }]), 1000, 800)!.zoom).toBe(1.6);
    const huge = boxOf([
      { x: 0, y: 0 },
      { x: 1e7, y: 1e7 },
    ]);
    expect(fittedViewport(huge, 1000, 800)!.zoom).toBe(ZOOM_RANGE.min);
  });

  it('gives nothing for no nodes or a canvas smaller than its padding', () => {
    expect(fittedViewport(null, 1000, 800)).toBeNull();
    expect(fittedViewport(boxOf([{ x: 0, y: 0 }]), 60, 800)).toBeNull();
  });
});

describe('boxOfFlat', () => {
  it('is the extent of points given as x, y pairs in one array, as boxOf is of point objects', () => {
    const flat = [3, -2, -7, 5, 10, 1];
    expect(boxOfFlat(flat)).toEqual({ x1: -7, y1: -2, x2: 10, y2: 5 });
    expect(boxOfFlat(flat)).toEqual(
      boxOf([
        { x: 3, y: -2 },
        { x: -7, y: 5 },
        { x: 10, y: 1 },
      ]),
    );
  });
});

describe('nodeElement', () => {
  it('gives Cytoscape a copy of the position (Cytoscape moves the object it is given, and that is the saved place)', () => {
    const saved = { x: 12, y: -4 };
    const node = { id: 'actor:a', kind: 'actor', name: 'A', status: 'active', subtype: 'ngo', stale: false, degree: 3 };
    const element = nodeElement(node as Parameters<typeof nodeElement>[0], saved);
    expect(element.position).toEqual(saved);
    expect(element.position).not.toBe(saved);
  });
});

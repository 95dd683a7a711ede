import { describe, expect, it } from 'vitest';
import { placeholderGrid } from './graphPlacement';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `service:${i}`);

describe('the placeholder grid for records waiting for a full layout', () => {
  it('puts every record in a square grid centred on the origin when none is placed', () => {
    const grid = placeholderGrid(ids(10), []);
    expect(grid.size).toBe(10);
    const places = [...grid.values()];
    // Four columns for ten records, 90 apart (the layout's ideal edge length), no two on the same spot.
    expect(new Set(places.map((p) => p.x)).size).toBe(4);
    expect(new Set(places.map((p) => p.y)).size).toBe(3);
    expect(new Set(places.map((p) => `${p.x},${p.y}`)).size).toBe(10);
    expect(grid.get('service:1')!.x - grid.get('service:0')!.x).toBe(90);
    expect(grid.get('service:4')!.y - grid.get('service:0')!.y).toBe(90);
    const xs = places.map((p) => p.x);
    expect(Math.min(...xs) + Math.max(...xs)).toBe(0);
    const ys = places.map((p) => p.y);
    expect(Math.min(...ys) + Math.max(...ys)).toBe(0);
  });

  it('keeps clear of the records already placed: to their right, from their top', () => {
    const placed = [
      { x: -500, y: 200 },
      { x: 1200, y: 900 },
    ];
    const grid = placeholderGrid(ids(25), placed);
    for (const place of grid.values()) {
      expect(place.x).toBeGreaterThan(1200);
      expect(place.y).toBeGreaterThanOrEqual(200);
    }
    expect(grid.get('service:0')).toEqual({ x: 1380, y: 200 });
  });

  it('gives nothing for nothing', () => {
    expect(placeholderGrid([], [{ x: 0, y: 0 }]).size).toBe(0);
  });
});

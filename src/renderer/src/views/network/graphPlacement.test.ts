import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutRequestInSlices, placeholderGrid } from './graphPlacement';
import { packRequest, unpackRequest } from './layoutProtocol';

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

describe('the request for a full layout of the drawn graph', () => {
  /** A headless graph of `count` records in a chain, 30 wide and 20 high, record i at (i, -i). */
  function chain(count: number): Core {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 30, height: 20 } }],
    });
    cy.add(ids(count).map((id, i) => ({ group: 'nodes' as const, data: { id }, position: { x: i, y: -i } })));
    cy.add(
      ids(count - 1).map((id, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: id, target: `service:${i + 1}` },
      })),
    );
    return cy;
  }

  it("gives each record's box and, for those kept, its place, and each relation by its ends' indices", async () => {
    const request = (await layoutRequestInSlices(chain(3), new Set(['service:1']), false, () => false))!;
    expect(request.randomize).toBe(false);
    expect(request.ids).toEqual(['service:0', 'service:1', 'service:2']);
    expect([...request.boxes]).toEqual([30, 20, NaN, NaN, 30, 20, 1, -1, 30, 20, NaN, NaN]);
    expect([...request.ends]).toEqual([0, 1, 1, 2]);
    // The worker reads it back as the nodes and relations it lays out.
    expect(unpackRequest(request)).toEqual({
      nodes: [
        { id: 'service:0', width: 30, height: 20 },
        { id: 'service:1', width: 30, height: 20, x: 1, y: -1 },
        { id: 'service:2', width: 30, height: 20 },
      ],
      edges: [
        { source: 'service:0', target: 'service:1' },
        { source: 'service:1', target: 'service:2' },
      ],
    });
  });

  it('starts from random places with nothing kept, and stops once no longer wanted', async () => {
    expect((await layoutRequestInSlices(chain(3), new Set(), false, () => false))!.randomize).toBe(true);
    expect(await layoutRequestInSlices(chain(3), new Set(), false, () => true)).toBeNull();
    const destroyed = chain(3);
    destroyed.destroy();
    expect(await layoutRequestInSlices(destroyed, new Set(), false, () => false)).toBeNull();
  });

  it('is made in slices for a large graph', async () => {
    let asked = 0;
    const request = await layoutRequestInSlices(chain(3000), new Set(), false, () => (asked++, false));
    expect(request!.ids).toHaveLength(3000);
    expect(request!.ends).toHaveLength(2 * 2999);
    // Asked after every slice of records and of relations, and at the end of each pass.
    expect(asked).toBeGreaterThan(4);
  });
});

describe('a request packed from objects', () => {
  it('leaves out relations with an end not among the records, and keeps unknown places unknown', () => {
    const request = packRequest(
      [
        { id: 'a', width: 10, height: 12, x: 5, y: 6 },
        { id: 'b', width: 14, height: 16 },
      ],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'gone' },
      ],
      { randomize: false, reading: { kind: 'concentric', root: 'a' } },
    );
    expect(request.reading).toEqual({ kind: 'concentric', root: 'a' });
    expect([...request.ends]).toEqual([0, 1]);
    expect(unpackRequest(request).nodes).toEqual([
      { id: 'a', width: 10, height: 12, x: 5, y: 6 },
      { id: 'b', width: 14, height: 16 },
    ]);
  });
});

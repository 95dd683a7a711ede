import { describe, expect, it } from 'vitest';
import { HUB_DEGREE, hubsOf, placeHubs } from './layoutHubs';

/** A need met by `count` services, each also offered by an actor of its own. */
function needWithServices(need: string, count: number) {
  return Array.from({ length: count }, (_, i) => [
    { source: `service:${need}-${i}`, target: need },
    { source: `actor:${need}-${i}`, target: `service:${need}-${i}` },
  ]).flat();
}

describe('hubs in the force-directed layout', () => {
  it('are the records with more than HUB_DEGREE relations, counted both ways', () => {
    const edges = [...needWithServices('need:a', HUB_DEGREE + 1), ...needWithServices('need:b', HUB_DEGREE)];
    expect(hubsOf(edges)).toEqual(new Set(['need:a']));
    // Relations out count as well as relations in.
    const outwards = Array.from({ length: HUB_DEGREE + 1 }, (_, i) => ({ source: 'actor:big', target: `x${i}` }));
    expect(hubsOf(outwards)).toEqual(new Set(['actor:big']));
  });

  it('go to the middle of their neighbours that are not hubs, spread apart when they share it', () => {
    const positions: Record<string, { x: number; y: number }> = {
      a: { x: 0, y: 0 },
      b: { x: 100, y: 0 },
      c: { x: 100, y: 100 },
      d: { x: 0, y: 100 },
      hub1: { x: 9000, y: 9000 },
      hub2: { x: -9000, y: 9000 },
    };
    const edges = ['a', 'b', 'c', 'd'].flatMap((id) => [
      { source: id, target: 'hub1' },
      { source: 'hub2', target: id },
    ]);
    edges.push({ source: 'hub1', target: 'hub2' });
    placeHubs(new Set(['hub1', 'hub2']), edges, positions);
    for (const hub of ['hub1', 'hub2']) {
      expect(Math.hypot(positions[hub]!.x - 50, positions[hub]!.y - 50)).toBeLessThan(100);
    }
    expect(Math.hypot(positions.hub1!.x - positions.hub2!.x, positions.hub1!.y - positions.hub2!.y)).toBeGreaterThan(
      30,
    );
    // The others stay where they were.
    expect(positions.a).toEqual({ x: 0, y: 0 });
  });

  it('stay where the layout put them when every neighbour is a hub', () => {
    const positions = { hub1: { x: 5, y: 5 }, hub2: { x: 7, y: 7 } };
    placeHubs(new Set(['hub1', 'hub2']), [{ source: 'hub1', target: 'hub2' }], positions);
    expect(positions).toEqual({ hub1: { x: 5, y: 5 }, hub2: { x: 7, y: 7 } });
  });
});

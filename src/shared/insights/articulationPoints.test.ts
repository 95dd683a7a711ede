import { describe, expect, it } from 'vitest';
import { articulationPoints } from './articulationPoints';
import { networkFromLinks } from './partnerNetwork';

const names = (n: number) => Array.from({ length: n }, (_, i) => `actor:n${i}`);

describe('articulationPoints', () => {
  it('finds the inner nodes of a path, each cutting off the shorter side', () => {
    const network = networkFromLinks(names(5), [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(articulationPoints(network)).toEqual([
      { node: 1, pieces: [3, 1], cutOff: 1 },
      { node: 2, pieces: [2, 2], cutOff: 2 },
      { node: 3, pieces: [3, 1], cutOff: 1 },
    ]);
  });

  it('finds none in a cycle, and only the attachment point of a tail hanging off a cycle', () => {
    const cycle: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ];
    expect(articulationPoints(networkFromLinks(names(4), cycle))).toEqual([]);
    const withTail = networkFromLinks(names(6), [...cycle, [2, 4], [4, 5]]);
    expect(articulationPoints(withTail).map((point) => [point.node, point.cutOff])).toEqual([
      [2, 2],
      [4, 1],
    ]);
  });

  it('finds the hub of a star as the root of the search, splitting into one piece per leaf', () => {
    const network = networkFromLinks(names(4), [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(articulationPoints(network)).toEqual([{ node: 0, pieces: [1, 1, 1], cutOff: 2 }]);
  });

  it('handles a 20 000-node chain without recursion limits', () => {
    const n = 20_000;
    const network = networkFromLinks(
      names(n),
      Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const),
    );
    const points = articulationPoints(network);
    expect(points).toHaveLength(n - 2);
    expect(points[Math.floor(n / 2) - 1]?.cutOff).toBe(n / 2 - 1);
  });

  it('treats each component on its own', () => {
    const network = networkFromLinks(names(6), [
      [0, 1],
      [1, 2],
      [3, 4],
      [4, 5],
    ]);
    expect(articulationPoints(network).map((point) => point.node)).toEqual([1, 4]);
  });
});

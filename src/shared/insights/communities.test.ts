import { describe, expect, it } from 'vitest';
import { detectCommunities } from './communities';
import { networkFromLinks } from './partnerNetwork';
import { degreeCentrality } from './centrality';

const names = (n: number) => Array.from({ length: n }, (_, i) => `actor:n${i}`);
const clique = (members: number[]) => members.flatMap((a, i) => members.slice(i + 1).map((b) => [a, b] as const));

describe('detectCommunities', () => {
  const network = networkFromLinks(names(9), [...clique([0, 1, 2, 3, 4]), ...clique([5, 6, 7, 8]), [4, 5]]);

  it('finds two cliques joined by one link, largest first, named after their most central member', () => {
    const result = detectCommunities(network, degreeCentrality(network));
    expect([...result.of]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(result.communities).toEqual([
      { index: 0, leadId: 'actor:n4', size: 5 },
      { index: 1, leadId: 'actor:n5', size: 4 },
    ]);
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('gives the same answer every run (seeded)', () => {
    const first = detectCommunities(network, degreeCentrality(network), 7);
    const second = detectCommunities(network, degreeCentrality(network), 7);
    expect([...second.of]).toEqual([...first.of]);
  });

  it('puts each actor of a network with no links in its own community', () => {
    const empty = networkFromLinks(names(3), []);
    expect(detectCommunities(empty, degreeCentrality(empty)).communities.map((c) => c.size)).toEqual([1, 1, 1]);
  });
});

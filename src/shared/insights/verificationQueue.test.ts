import { describe, expect, it } from 'vitest';
import { analyseNetwork } from './networkAnalysis';
import { TestGraph } from './testGraphs';
import { verificationQueue } from './verificationQueue';

const TODAY = new Date('2026-11-28T12:00:00Z');

describe('verificationQueue', () => {
  it('lists only records not verified in twelve months, the hub before a peripheral record', () => {
    const g = new TestGraph();
    const hub = g.actor('hub', { verifiedAt: '2025-01-10' });
    const leaves = ['l1', 'l2', 'l3'].map((slug) =>
      g.actor(slug, { verifiedAt: slug === 'l3' ? '2024-01-01' : '2026-10-01' }),
    );
    for (const leaf of leaves) g.chain(hub, leaf);
    g.actor('fresh', { verifiedAt: '2026-06-01' });
    const queue = verificationQueue(g.index, analyseNetwork(g.index), TODAY);
    expect(queue.map((item) => item.name)).toEqual(['hub', 'l3']);
    expect(queue[0]).toMatchObject({ kind: 'actor', verifiedAt: '2025-01-10', centrality: 1 });
  });

  it('ranks the stale provider of more needs above an equally central one', () => {
    const g = new TestGraph();
    const many = g.actor('many', { verifiedAt: null });
    const few = g.actor('few', { verifiedAt: null });
    g.service(many, 'many-svc', ['legal_aid', 'shelter', 'medical']);
    g.service(few, 'few-svc', ['legal_aid']);
    g.chain(many, few);
    const queue = verificationQueue(g.index, analyseNetwork(g.index), TODAY).filter((item) => item.kind === 'actor');
    expect(queue.map((item) => [item.name, item.needsCovered, item.daysSince])).toEqual([
      ['many', 3, null],
      ['few', 1, null],
    ]);
  });
});

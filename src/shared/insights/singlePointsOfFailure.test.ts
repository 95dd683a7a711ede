import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage';
import { analyseNetwork } from './networkAnalysis';
import { singlePointsOfFailure } from './singlePointsOfFailure';
import { TestGraph } from './testGraphs';

describe('singlePointsOfFailure', () => {
  it('ranks the bridge between two groups and the sole legal provider by what their loss would cost', () => {
    const g = new TestGraph();
    const [a, b, c, bridge, d, e] = ['a', 'b', 'c', 'bridge', 'd', 'e'].map((slug) => g.actor(slug));
    g.chain(a!, b!, c!, a!);
    g.chain(c!, bridge!, d!, e!, d!);
    g.service(e!, 'e-legal', ['legal_aid']);
    g.service(a!, 'a-beds', ['shelter']);
    g.service(b!, 'b-beds', ['shelter']);
    const analysis = analyseNetwork(g.index);
    const failures = singlePointsOfFailure(g.index, analysis, computeCoverage(g.index).soleProviders);
    expect(failures.map((f) => [f.name, f.actorsCutOff, f.needsLeftUncovered.length, f.impact])).toEqual([
      ['bridge', 2, 0, 2],
      ['c', 2, 0, 2],
      ['d', 1, 0, 1],
      ['e', 0, 1, 1],
    ]);
    expect(failures[3]?.needsLeftUncovered).toEqual([{ need: 'legal_aid', region: 'US-CA' }]);
  });
});

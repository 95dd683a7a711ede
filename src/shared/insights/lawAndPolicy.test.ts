import { describe, expect, it } from 'vitest';
import { policyProgress, statuteImpact } from './lawAndPolicy';
import { TestGraph } from './testGraphs';

function policyGraph() {
  const g = new TestGraph();
  const tvpa = g.statute('tvpa');
  const tvisa = g.statute('t-visa');
  const office = g.actor('office', { type: 'agency' });
  const clinic = g.actor('clinic', { type: 'legal_provider' });
  const outsider = g.actor('outsider');
  const legal = g.service(clinic, 'legal', ['legal_aid']);
  g.edge('mandates', tvpa, office);
  g.edge('creates', tvpa, tvisa);
  g.edge('creates', tvpa, legal);
  const r1 = g.recommendation(1);
  const r2 = g.recommendation(2);
  g.recommendation(0);
  g.edge('cites', r1, tvpa);
  g.edge('directed_at', r1, office);
  g.edge('directed_at', r1, clinic);
  g.edge('implements', clinic, r1);
  g.edge('implements', outsider, r1);
  g.edge('directed_at', r2, office);
  return { g, tvpa };
}

describe('statuteImpact', () => {
  it('lists the actors a statute mandates, what it creates and the recommendations citing it', () => {
    const { g, tvpa } = policyGraph();
    const impact = statuteImpact(g.index, tvpa)!;
    expect(impact.mandates.map((s) => s.id)).toEqual(['actor:office']);
    expect(impact.creates.map((s) => s.id)).toEqual(['service:legal', 'statute:t-visa']);
    expect(impact.citedBy).toEqual([{ id: 'recommendation:r1', number: 1, title: 'Recommendation 1' }]);
  });

  it('returns null for a record that is not a statute', () => {
    expect(statuteImpact(policyGraph().g.index, 'actor:office')).toBeNull();
  });
});

describe('policyProgress', () => {
  it('marks which directed actors implement each numbered recommendation and summarises progress', () => {
    const progress = policyProgress(policyGraph().g.index);
    expect(progress.recommendations.map((r) => [r.number, r.status, r.implementing, r.directedAt.length])).toEqual([
      [1, 'partial', 1, 2],
      [2, 'none', 0, 1],
    ]);
    expect(progress.recommendations[0]?.directedAt[0]).toMatchObject({
      actor: { id: 'actor:clinic' },
      implementing: true,
    });
    expect(progress.recommendations[0]?.otherImplementers.map((s) => s.id)).toEqual(['actor:outsider']);
    expect(progress.summary).toMatchObject({ total: 2, complete: 0, partial: 1, none: 1 });
  });
});

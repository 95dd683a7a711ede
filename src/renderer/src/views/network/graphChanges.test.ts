import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { changeSteps, graphChanges, restyleRecord } from './graphChanges';
import { SLICE_BUDGET_MS } from './frames';
import { edgeData, nodeElement } from './graphElements';
import { GraphShowcase } from './graphShowcase';
import { nodeClasses } from './graphStyle';

function record(id: string, name = id, degree = 1): NetworkNode {
  return { id, kind: 'actor', name, status: 'active', subtype: 'ngo', stale: false, degree };
}

function relation(id: string, from: string, to: string, type: NetworkEdge['type'] = 'partners_with'): NetworkEdge {
  return { id, type, from, to };
}

/** A headless instance drawing the answer, as a load leaves it. */
function drawn(nodes: NetworkNode[], edges: NetworkEdge[]): Core {
  return cytoscape({
    headless: true,
    elements: [
      ...nodes.map((node, i) => nodeElement(node, { x: i * 100, y: 0 })),
      ...edges.map((edge) => ({ group: 'edges' as const, data: edgeData(edge) })),
    ],
  });
}

/** What the graph draws, in a form to compare: each record's data and look, each relation's ends and type. */
function picture(cy: Core) {
  return {
    nodes: cy
      .nodes()
      .map((node) => ({ ...node.data(), classes: [...node.classes()].sort() }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    edges: cy
      .edges()
      .map((edge) => edge.data())
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
  };
}

/** The changes, which the tests never supersede. */
async function changesOf(cy: Core, nodes: NetworkNode[], edges: NetworkEdge[]) {
  const changes = await graphChanges(cy, nodes, edges);
  if (!changes) throw new Error('The comparison was superseded.');
  return changes;
}

/** Applies the changes with the steps the graph controller's update runs, in one batch. */
async function apply(cy: Core, nodes: NetworkNode[], edges: NetworkEdge[]) {
  const changes = await changesOf(cy, nodes, edges);
  const { steps } = changeSteps(cy, changes, new Map(), {
    dropsPicturesOnRemove: false,
    elementFor: nodeElement,
    extend: () => undefined,
  });
  cy.batch(() => steps.forEach((step) => step()));
  return changes;
}

const nodes = [record('a'), record('b', 'b', 2), record('c')];
const edges = [relation('ab', 'a', 'b'), relation('bc', 'b', 'c')];

describe('graphChanges', () => {
  it('finds nothing to change when the answer is what is drawn', async () => {
    const cy = drawn(nodes, edges);
    const changes = await changesOf(cy, nodes, edges);
    expect(changes.size).toBe(0);
    expect(changes.removed.length).toBe(0);
  });

  it('finds a renamed record, and only it', async () => {
    const cy = drawn(nodes, edges);
    const renamed = [record('a', 'Casa Segura'), nodes[1]!, nodes[2]!];
    const changes = await changesOf(cy, renamed, edges);
    expect(changes.changedNodes.map((node) => node.id)).toEqual(['a']);
    expect(changes.size).toBe(1);
  });

  it('finds a new relation and the records whose degree (and so size) it changed', async () => {
    const cy = drawn(nodes, edges);
    const next = [record('a', 'a', 2), nodes[1]!, record('c', 'c', 2)];
    const changes = await changesOf(cy, next, [...edges, relation('ac', 'a', 'c')]);
    expect(changes.addedEdges.map((edge) => edge.id)).toEqual(['ac']);
    expect(changes.changedNodes.map((node) => node.id).sort()).toEqual(['a', 'c']);
    expect(changes.removed.length).toBe(0);
  });

  it('removes a deleted record with its relations, and draws a relation whose ends changed anew', async () => {
    const cy = drawn(nodes, edges);
    const changes = await changesOf(cy, [record('a'), record('b')], [relation('ab', 'b', 'a')]);
    expect(changes.removed.sort()).toEqual(['ab', 'bc', 'c']);
    expect(changes.addedEdges.map((edge) => edge.id)).toEqual(['ab']);
    expect(changes.changedNodes.map((node) => node.id)).toEqual(['b']);
  });

  it('finds a relation whose type changed without drawing it anew', async () => {
    const cy = drawn(nodes, edges);
    const changes = await changesOf(cy, nodes, [relation('ab', 'a', 'b', 'refers_to'), edges[1]!]);
    expect(changes.changedEdges.map((edge) => edge.id)).toEqual(['ab']);
    expect(changes.removed.length + changes.addedEdges.length).toBe(0);
  });

  it('leaves the graph drawing exactly what a fresh load of the answer would draw', async () => {
    const cy = drawn(nodes, edges);
    const next = [record('a', 'Renamed', 0), record('b', 'b', 1), record('d', 'd', 1)];
    const nextEdges = [relation('bd', 'b', 'd', 'refers_to')];
    await apply(cy, next, nextEdges);
    expect(picture(cy)).toEqual(picture(drawn(next, nextEdges)));
    // And a second pass finds nothing left to do.
    expect((await changesOf(cy, next, nextEdges)).size).toBe(0);
  });

  it('does not count a showcase class as a change, and a record restyled keeps it', async () => {
    const cy = drawn(nodes, edges);
    cy.getElementById('a').addClass('faded');
    expect((await changesOf(cy, nodes, edges)).size).toBe(0);
    restyleRecord(cy.getElementById('a'), record('a', 'a', 40));
    expect(cy.getElementById('a').hasClass('faded')).toBe(true);
    const look = nodeClasses('actor', 'ngo', 40);
    expect(look).not.toContain('size-1');
    expect([...cy.getElementById('a').classes()].sort()).toEqual([...look, 'faded'].sort());
  });

  it('compares a large graph in slices, and stops when a newer change supersedes it', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => record(`r${i}`));
    const chain = many.slice(1).map((node, i) => relation(`l${i}`, many[i]!.id, node.id));
    const cy = drawn(many, chain);
    const renamed = many.map((node, i) => (i === 1100 ? record(node.id, 'Casa Segura') : node));
    // A clock at which every look is a slice's budget later: each chunk of elements is a slice of its own.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += SLICE_BUDGET_MS));
    try {
      let slices = 0;
      const changes = await graphChanges(cy, renamed, chain, () => (slices++, false));
      expect(changes?.changedNodes.map((node) => node.id)).toEqual(['r1100']);
      expect(changes?.size).toBe(1);
      // Two tasks before comparing (indexing the answer, listing the drawn elements), then 2,399 elements, 500 at a
      // time.
      expect(slices).toBe(2 + 5);
      // Superseded after its first slice of comparing: no answer, and no more slices.
      let asked = 0;
      expect(await graphChanges(cy, renamed, chain, () => ++asked > 3)).toBeNull();
      expect(asked).toBe(4);
    } finally {
      now.mockRestore();
    }
  });
});

describe('GraphShowcase.extend', () => {
  it('gives elements drawn after a focus the look the focus gives those drawn before', async () => {
    const cy = drawn(nodes, edges);
    const showcase = new GraphShowcase({ cy, loadGeneration: 0, whileBusy: (work) => work });
    await showcase.show(['a', 'b'], []);
    expect(cy.elements('.faded').map((element) => element.id())).toEqual(['c', 'bc']);
    const added = cy.add([
      { group: 'nodes', data: { id: 'd' } },
      { group: 'edges', data: { id: 'ba', source: 'b', target: 'a' } },
      { group: 'edges', data: { id: 'ad', source: 'a', target: 'd' } },
    ]);
    showcase.extend(added);
    // Kept: the new relation between two focused records. Faded: the new record and its relation.
    expect(cy.getElementById('ba').hasClass('faded')).toBe(false);
    expect(cy.getElementById('d').hasClass('faded')).toBe(true);
    expect(cy.getElementById('ad').hasClass('faded')).toBe(true);
    // Once the showcase ends, new elements are drawn plain.
    await showcase.clear();
    const later = cy.add({ group: 'nodes', data: { id: 'e' } });
    showcase.extend(later);
    expect(later.hasClass('faded')).toBe(false);
  });
});

import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { edgeData, nodeElement, type Point } from './graphElements';
import { LABELLED } from './graphStyle';
import { drawsAnswer, KeptGraph } from './keptGraph';

function record(id: string, name = id, degree = 1): NetworkNode {
  return { id, kind: 'actor', name, status: 'active', subtype: 'ngo', stale: false, degree };
}

function relation(id: string, from: string, to: string, type: NetworkEdge['type'] = 'partners_with'): NetworkEdge {
  return { id, type, from, to };
}

const nodes = [record('a'), record('b', 'Harbour Light', 2), record('c')];
const edges = [relation('a-b', 'a', 'b'), relation('b-c', 'b', 'c', 'refers_to')];
const positions = new Map<string, Point>(nodes.map((node, i) => [node.id, { x: i * 100.5, y: -i * 3.25 }]));

/** A headless instance drawing the answer as a load leaves it, the records labelled or not. */
function drawn(labelled = false): Core {
  // Added after: elements given to the constructor are placed by its default layout, all at the origin.
  const cy = cytoscape({ headless: true });
  cy.add([
    ...nodes.map((node) => {
      const element = nodeElement(node, positions.get(node.id)!);
      return labelled ? { ...element, classes: [...(element.classes as string[]), LABELLED] } : element;
    }),
    ...edges.map((edge) => ({ group: 'edges' as const, data: edgeData(edge) })),
  ]);
  return cy;
}

const compare = (cy: Core, answer = { nodes, edges, positions }) =>
  drawsAnswer(cy, answer.nodes, answer.edges, answer.positions, () => false);

describe('drawsAnswer', () => {
  it('says a graph drawing the answer can be shown as it is, and whether its records carry their labels', async () => {
    expect(await compare(drawn())).toEqual({ labelled: false });
    expect(await compare(drawn(true))).toEqual({ labelled: true });
  });

  it('finds any difference in the records, their places or the relations', async () => {
    const renamed = nodes.map((node) => (node.id === 'b' ? { ...node, name: 'Harbour Light Outreach' } : node));
    expect(await compare(drawn(), { nodes: renamed, edges, positions })).toBe('differs');
    const moved = new Map(positions).set('c', { x: 200, y: -6.5 });
    expect(await compare(drawn(), { nodes, edges, positions: moved })).toBe('differs');
    const unplaced = new Map(positions);
    unplaced.delete('a');
    expect(await compare(drawn(), { nodes, edges, positions: unplaced })).toBe('differs');
    // One record more in the answer, one relation less, a relation of another type: each differs.
    const more = [...nodes, record('d')];
    const morePlaces = new Map(positions).set('d', { x: 0, y: 0 });
    expect(await compare(drawn(), { nodes: more, edges, positions: morePlaces })).toBe('differs');
    expect(await compare(drawn(), { nodes, edges: edges.slice(1), positions })).toBe('differs');
    const retyped = edges.map((edge) => (edge.id === 'a-b' ? { ...edge, type: 'funds' as const } : edge));
    expect(await compare(drawn(), { nodes, edges: retyped, positions })).toBe('differs');
    // The same count, another relation between other ends.
    const rewired = edges.map((edge) => (edge.id === 'b-c' ? { ...edge, from: 'a' } : edge));
    expect(await compare(drawn(), { nodes, edges: rewired, positions })).toBe('differs');
  });

  it('does not show a graph with a showcase, a selection or labels on only some records', async () => {
    const faded = drawn();
    faded.getElementById('a').addClass('faded');
    expect(await compare(faded)).toBe('differs');
    const fadedEdge = drawn();
    fadedEdge.getElementById('a-b').addClass('faded');
    expect(await compare(fadedEdge)).toBe('differs');
    const selected = drawn();
    selected.getElementById('c').select();
    expect(await compare(selected)).toBe('differs');
    const someLabelled = drawn();
    someLabelled.getElementById('c').addClass(LABELLED);
    expect(await compare(someLabelled)).toBe('differs');
    const destroyed = drawn();
    destroyed.destroy();
    expect(await compare(destroyed)).toBe('differs');
  });

  it('stops between slices once a newer load replaced the one asking', async () => {
    let asked = 0;
    const answer = await drawsAnswer(drawn(), nodes, edges, positions, () => ++asked > 1);
    expect(answer).toBe('superseded');
    expect(asked).toBe(2);
  });

  it('compares a large graph in slices, each in a task of its own', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => record(`n${i}`));
    const places = new Map<string, Point>(many.map((node, i) => [node.id, { x: i, y: i % 7 }]));
    const cy = cytoscape({ headless: true });
    cy.add(many.map((node) => nodeElement(node, places.get(node.id)!)));
    let asked = 0;
    const answer = await drawsAnswer(cy, many, [], places, () => (asked++, false));
    expect(answer).toEqual({ labelled: false });
    // Once after indexing the answer, then once after each slice: more than one slice for three thousand records.
    expect(asked).toBeGreaterThan(2);
  });
});

describe('KeptGraph', () => {
  /** A drawn instance of the answer with `extra` more records, in a stand-in box that notes being hidden or removed. */
  function instance(extra = 0) {
    const cy = drawn();
    cy.add(Array.from({ length: extra }, (_, i) => nodeElement(record(`x${i}`), { x: i, y: 0 })));
    const box = { hidden: false, removed: false };
    const element = {
      classList: { toggle: (_: string, on: boolean) => void (box.hidden = on) },
      remove: () => void (box.removed = true),
    } as unknown as HTMLElement;
    return { drawnInstance: { cy, box: element, performanceMode: false }, box };
  }
  const take = (kept: KeptGraph) => kept.take({ nodes, edges, positions }, false, () => false);
  /** A KeptGraph keeping (hidden) a graph drawn whole with `extra` more records than the answer. */
  function keeping(extra: number) {
    const kept = new KeptGraph();
    const hidden = instance(extra);
    kept.drawn(hidden.drawnInstance.cy);
    kept.retire(hidden.drawnInstance, { overlaid: false });
    return { kept, hidden };
  }

  it('keeps a graph drawn whole, hidden, and hands it over once when it draws the answer', async () => {
    const kept = new KeptGraph();
    const { drawnInstance, box } = instance();
    kept.drawn(drawnInstance.cy);
    kept.retire(drawnInstance, { overlaid: false });
    expect(box).toEqual({ hidden: true, removed: false });
    expect(kept.mayBe(nodes.length, edges.length, false)).toBe(true);
    expect(kept.mayBe(nodes.length, edges.length, true)).toBe(false);
    expect(await take(kept)).toEqual({ instance: drawnInstance, labelled: false });
    // No longer kept: the caller shows it.
    expect(await take(kept)).toBeNull();
    expect(drawnInstance.cy.destroyed()).toBe(false);
  });

  it('destroys a graph not drawn whole or with an overlay on it', () => {
    const kept = new KeptGraph();
    const partial = instance();
    kept.retire(partial.drawnInstance, { overlaid: false });
    expect(partial.box.removed).toBe(true);
    expect(partial.drawnInstance.cy.destroyed()).toBe(true);
    const overlaid = instance();
    kept.drawn(overlaid.drawnInstance.cy);
    kept.retire(overlaid.drawnInstance, { overlaid: true });
    expect(overlaid.drawnInstance.cy.destroyed()).toBe(true);
  });

  it('keeps the larger graph, keeps one that does not draw the answer, and drops it on demand', async () => {
    const kept = new KeptGraph();
    const larger = instance(5);
    kept.drawn(larger.drawnInstance.cy);
    kept.retire(larger.drawnInstance, { overlaid: false });
    const smaller = instance();
    kept.drawn(smaller.drawnInstance.cy);
    kept.retire(smaller.drawnInstance, { overlaid: false });
    expect(smaller.drawnInstance.cy.destroyed()).toBe(true);
    // The larger one draws five records more than the answer: not handed over, still kept.
    expect(await take(kept)).toBeNull();
    expect(larger.box).toEqual({ hidden: true, removed: false });
    const largest = instance(6);
    kept.drawn(largest.drawnInstance.cy);
    kept.retire(largest.drawnInstance, { overlaid: false });
    expect(larger.drawnInstance.cy.destroyed()).toBe(true);
    kept.drop();
    expect(largest.box.removed).toBe(true);
    expect(kept.mayBe(nodes.length + 6, edges.length, false)).toBe(false);
  });

  it('leaves the next view the graph shown when it is as its load drew it, even a smaller one', () => {
    const { kept, hidden: larger } = keeping(5);
    const shown = instance();
    kept.drawn(shown.drawnInstance.cy);
    expect(kept.leave(shown.drawnInstance, { overlaid: false })).toBe(shown.drawnInstance);
    expect(shown.drawnInstance.cy.destroyed()).toBe(false);
    expect(larger.drawnInstance.cy.destroyed()).toBe(true);
    expect(kept.mayBe(nodes.length + 5, edges.length, false)).toBe(false);
  });

  it('leaves the graph kept when the one shown has an overlay or is not drawn whole, which goes', () => {
    const { kept, hidden } = keeping(5);
    const overlaid = instance();
    kept.drawn(overlaid.drawnInstance.cy);
    expect(kept.leave(overlaid.drawnInstance, { overlaid: true })).toBe(hidden.drawnInstance);
    expect(overlaid.drawnInstance.cy.destroyed()).toBe(true);
    expect(hidden.drawnInstance.cy.destroyed()).toBe(false);
    // Nothing left kept, and with nothing kept and a graph half drawn, nothing to leave.
    expect(kept.mayBe(nodes.length + 5, edges.length, false)).toBe(false);
    const partial = instance();
    expect(kept.leave(partial.drawnInstance, { overlaid: false })).toBeNull();
    expect(partial.drawnInstance.cy.destroyed()).toBe(true);
  });

  it('adopts a graph a view that went kept, hidden, in place of its own, and hands it over', async () => {
    const { kept, hidden: own } = keeping(5);
    const parked = instance();
    kept.adopt(parked.drawnInstance);
    expect(own.drawnInstance.cy.destroyed()).toBe(true);
    expect(parked.box.hidden).toBe(true);
    expect(await take(kept)).toEqual({ instance: parked.drawnInstance, labelled: false });
  });
});

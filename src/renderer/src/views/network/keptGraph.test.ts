import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { edgeData, nodeElement, type Point } from './graphElements';
import { LABELLED } from './graphStyle';
import { drawsAnswer } from './keptGraph';

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

import cytoscape, { type CollectionReturnValue, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nextTask } from './frames';
import {
  MAX_STEP,
  MAX_STEP_WEIGHT,
  addInSlices,
  callEnd,
  inTurn,
  moveInSlices,
  restyleInSlices,
} from './slicedChanges';

/** A hub related to 300 leaves, then 10 records with no relation, then the relations: the order of a load. */
function hubAndLeaves() {
  const leaves = Array.from({ length: 300 }, (_, i) => `leaf${i}`);
  const loners = Array.from({ length: 10 }, (_, i) => `loner${i}`);
  return cytoscape({
    headless: true,
    elements: [
      ...loners.map((id) => ({ group: 'nodes' as const, data: { id } })),
      { group: 'nodes' as const, data: { id: 'hub' } },
      ...leaves.map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...leaves.map((id) => ({ group: 'edges' as const, data: { id: `to-${id}`, source: 'hub', target: id } })),
    ],
  }).elements();
}

describe('a slice call', () => {
  it('takes as many elements as asked when they change nothing else', () => {
    const elements = hubAndLeaves();
    expect(callEnd(elements, 0, 5)).toBe(5);
    // The last relations: as many as are left.
    expect(callEnd(elements, elements.length - 3, 40)).toBe(elements.length);
  });

  it("stops at a hub's worth of relations: a hub, changed or moved, has every relation of its own redrawn", () => {
    const elements = hubAndLeaves();
    // The loners, then the hub (300 relations, over the limit): the call ends after the hub.
    expect(callEnd(elements, 0, 40)).toBe(11);
    // A call that starts at the hub takes it alone.
    expect(callEnd(elements, 10, 40)).toBe(11);
    // Leaves weigh two each (themselves and their one relation).
    expect(callEnd(elements, 11, 400)).toBe(11 + MAX_STEP_WEIGHT / 2);
  });
});

describe('adding a graph in slices', () => {
  it(`adds every element, never more than ${MAX_STEP} in one call, however fast the calls run`, async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const calls: number[] = [];
    const add = cy.add.bind(cy);
    cy.add = ((elements: ElementDefinition[]) => {
      calls.push(elements.length);
      return add(elements);
    }) as typeof cy.add;
    const nodes = Array.from({ length: 400 }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } }));
    const edges = nodes.slice(1).map((node, i) => ({
      group: 'edges' as const,
      data: { id: `e${i}`, source: 'n0', target: node.data.id },
    }));
    expect(await addInSlices(cy, [...nodes, ...edges], () => false)).toBe(true);
    expect(cy.nodes().length).toBe(400);
    expect(cy.edges().length).toBe(399);
    expect(calls.reduce((sum, count) => sum + count, 0)).toBe(799);
    expect(Math.max(...calls)).toBe(MAX_STEP);
  });
});

describe('moving records in slices', () => {
  /** A styled headless graph of a hub and 30 leaves, and the elements Cytoscape's style engine styles from now on. */
  function styledStar() {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 20, height: 20, label: 'data(id)' } }],
      elements: [
        { group: 'nodes', data: { id: 'hub' }, position: { x: 0, y: 0 } },
        ...Array.from({ length: 30 }, (_, i) => ({
          group: 'nodes' as const,
          data: { id: `n${i}` },
          position: { x: i, y: 0 },
        })),
        ...Array.from({ length: 30 }, (_, i) => ({
          group: 'edges' as const,
          data: { id: `e${i}`, source: 'hub', target: `n${i}` },
        })),
      ],
    });
    // Styled as a drawn graph is (Cytoscape styles a new element when it is first read).
    cy.elements().forEach((element) => {
      element.style();
    });
    const styled: string[] = [];
    const engine = cy.style() as unknown as { apply(elements: CollectionReturnValue): unknown };
    const apply = engine.apply.bind(engine);
    engine.apply = (elements) => {
      elements.forEach((element) => {
        styled.push(element.id());
      });
      return apply(elements);
    };
    return { cy, styled };
  }

  it('moves every record asked and measures it at its new place, without restyling anything', async () => {
    const { cy, styled } = styledStar();
    const places = Object.fromEntries(cy.nodes().map((node, i) => [node.id(), { x: 1000 + i * 50, y: -400 }]));
    expect(await moveInSlices(cy, places, () => false)).toBe(true);
    cy.nodes().forEach((node) => {
      expect(node.position()).toEqual(places[node.id()]);
      const box = node.boundingBox({ includeLabels: false });
      expect((box.x1 + box.x2) / 2).toBe(places[node.id()]!.x);
      expect((box.y1 + box.y2) / 2).toBe(places[node.id()]!.y);
    });
    // A move changes no record's looks: restyling every moved element was most of what a re-layout's slices made.
    expect(styled).toEqual([]);
  });

  it('restyles what a restyle changes (the count above can see a restyle)', async () => {
    const { cy, styled } = styledStar();
    expect(
      await restyleInSlices(
        cy,
        (slice) => slice.addClass('faded'),
        () => false,
      ),
    ).toBe(true);
    expect(new Set(styled)).toEqual(new Set(cy.elements().map((element) => element.id())));
  });
});

describe('work that reads the graph over several tasks (an image drawn in bands, a layout request)', () => {
  /** Two thousand records on a line, and where each would go a thousand units down. */
  function lineOfRecords() {
    const cy = cytoscape({
      headless: true,
      elements: Array.from({ length: 2000 }, (_, i) => ({
        group: 'nodes' as const,
        data: { id: `n${i}` },
        position: { x: i * 10, y: 0 },
      })),
    });
    const down = Object.fromEntries(cy.nodes().map((node) => [node.id(), { x: node.position('x'), y: 1000 }]));
    return { cy, down };
  }
  const movedCount = (cy: cytoscape.Core) => cy.nodes().filter((node) => node.position('y') === 1000).length;

  it('sees no record move while it runs: a move asked for meanwhile waits for it to end', async () => {
    const { cy, down } = lineOfRecords();
    const seen: number[] = [];
    const reading = inTurn(cy, async () => {
      for (let band = 0; band < 20; band++) {
        seen.push(movedCount(cy));
        await nextTask();
      }
      return 'read';
    });
    const moved = moveInSlices(cy, down, () => false);
    expect(await reading).toBe('read');
    expect(seen).toEqual(Array.from({ length: 20 }, () => 0));
    expect(await moved).toBe(true);
    expect(movedCount(cy)).toBe(2000);
  });

  it('waits for a move already going, and sees every record at its new place', async () => {
    const { cy, down } = lineOfRecords();
    const moved = moveInSlices(cy, down, () => false);
    const seen = await inTurn(cy, () => movedCount(cy));
    expect(seen).toBe(2000);
    expect(await moved).toBe(true);
  });

  it('tells only its own caller of a failure: a change asked for after it runs all the same', async () => {
    const { cy, down } = lineOfRecords();
    const failing = inTurn(cy, () => Promise.reject(new Error('the image could not be made')));
    const moved = moveInSlices(cy, down, () => false);
    await expect(failing).rejects.toThrow('the image could not be made');
    expect(await moved).toBe(true);
    expect(movedCount(cy)).toBe(2000);
  });
});

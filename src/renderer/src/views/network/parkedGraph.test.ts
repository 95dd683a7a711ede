import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { listenForView, removeViewListeners, type DrawnInstance } from './drawnInstance';
import { dropParkedGraph, parkedGraphMayShow, parkGraph, takeParkedGraph } from './parkedGraph';

/** A headless instance of `nodes` records and one relation, in a stand-in box that notes being taken off the page. */
function instance(nodes = 2) {
  const cy = cytoscape({ headless: true });
  cy.add(Array.from({ length: nodes }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } })));
  cy.add({ group: 'edges', data: { id: 'e', source: 'n0', target: 'n1' } });
  const box = { removed: 0 };
  const element = { remove: () => void box.removed++ } as unknown as HTMLElement;
  const drawn: DrawnInstance = { cy, box: element, performanceMode: false };
  return { drawn, box };
}

/** How many times each of `cy`'s listeners below heard a tap on node n0. */
function tapCounts(cy: Core) {
  const heard = { view: 0, viewOnNodes: 0, own: 0 };
  listenForView(cy, 'tap', () => heard.view++);
  listenForView(cy, 'tap', () => heard.viewOnNodes++, 'node');
  cy.on('tap', () => heard.own++);
  return heard;
}

afterEach(() => dropParkedGraph());

describe('the view’s listeners on an instance', () => {
  it('are taken off by removeViewListeners, and the instance’s own stay', () => {
    const { cy } = instance().drawn;
    const heard = tapCounts(cy);
    cy.getElementById('n0').emit('tap');
    expect(heard).toEqual({ view: 1, viewOnNodes: 1, own: 1 });
    removeViewListeners(cy);
    cy.getElementById('n0').emit('tap');
    expect(heard).toEqual({ view: 1, viewOnNodes: 1, own: 2 });
  });
});

describe('the parked graph', () => {
  it('is taken off the page without its view’s listeners, and handed to the next view once', () => {
    const { drawn, box } = instance();
    const heard = tapCounts(drawn.cy);
    parkGraph(drawn, 4);
    expect(box.removed).toBe(1);
    drawn.cy.getElementById('n0').emit('tap');
    expect(heard).toEqual({ view: 0, viewOnNodes: 0, own: 1 });
    expect(parkedGraphMayShow(2, 1, 4)).toBe(true);
    expect(takeParkedGraph(4)).toBe(drawn);
    expect(drawn.cy.destroyed()).toBe(false);
    expect(takeParkedGraph(4)).toBeNull();
    expect(parkedGraphMayShow(2, 1, 4)).toBe(false);
  });

  it('is destroyed when the data changed since it was drawn', () => {
    const { drawn } = instance();
    parkGraph(drawn, 4);
    expect(parkedGraphMayShow(2, 1, 5)).toBe(false);
    expect(takeParkedGraph(5)).toBeNull();
    expect(drawn.cy.destroyed()).toBe(true);
  });

  it('guesses from the counts whether it may draw an answer', () => {
    parkGraph(instance(3).drawn, 1);
    expect(parkedGraphMayShow(3, 1, 1)).toBe(true);
    expect(parkedGraphMayShow(2, 1, 1)).toBe(false);
    expect(parkedGraphMayShow(3, 2, 1)).toBe(false);
  });

  it('is one graph: parking another destroys the first, and so does dropping it', () => {
    const first = instance();
    const second = instance(3);
    parkGraph(first.drawn, 1);
    parkGraph(second.drawn, 1);
    expect(first.drawn.cy.destroyed()).toBe(true);
    expect(second.drawn.cy.destroyed()).toBe(false);
    dropParkedGraph();
    expect(second.drawn.cy.destroyed()).toBe(true);
    expect(takeParkedGraph(1)).toBeNull();
  });

  it('is not handed over once destroyed', () => {
    const { drawn } = instance();
    parkGraph(drawn, 1);
    drawn.cy.destroy();
    expect(parkedGraphMayShow(2, 1, 1)).toBe(false);
    expect(takeParkedGraph(1)).toBeNull();
  });
});

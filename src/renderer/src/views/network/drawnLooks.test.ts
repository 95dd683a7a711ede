import cytoscape, { type Collection, type SingularElementArgument } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { liftOutOfPictures, putBackInPictures, sparePicturesInCache, type InvalidatingCache } from './drawnLooks';
import type { Layer } from './layerCache';

/** Two labelled records and a relation, styled (so Cytoscape keeps its style keys), and a layer cache that records. */
function drawnGraph() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { group: 'nodes', data: { id: 'a', label: 'Shelter' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b', label: 'Clinic' }, position: { x: 100, y: 0 } },
      { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 20 } },
      { selector: 'node.faded', style: { opacity: 0.2 } },
    ],
  });
  const invalidated: string[][] = [];
  const cache = {
    drawEleInLayer: () => {},
    invalidateElements: (elements: Collection) => void invalidated.push(elements.map((element) => element.id())),
  } as unknown as InvalidatingCache;
  sparePicturesInCache(cache);
  const layer = { level: 0 } as Layer;
  /** Draws every element into the picture, as a layer's drawing does (their style brought up to date first). */
  const drawAll = () =>
    cy.elements().forEach((element) => {
      element.pstyle('label');
      cache.drawEleInLayer!(layer, element as SingularElementArgument, 0, 1);
    });
  /** What Cytoscape's frame does with the elements changed since the last: their style up to date, then this. */
  const changed = (...ids: string[]) => {
    const elements = cy.collection(ids.map((id) => cy.getElementById(id)));
    elements.forEach((element) => void element.pstyle('label'));
    cache.invalidateElements!(elements);
    return invalidated.pop();
  };
  return { cy, drawAll, changed, node: (id: string) => cy.getElementById(id) as SingularElementArgument };
}

describe('pictures kept through changes that change nothing drawn', () => {
  it('keeps them for a record restyled to the same looks (a click grabs and frees it), drops them for a real change', () => {
    const { cy, drawAll, changed } = drawnGraph();
    drawAll();
    // Grabbed and freed: Cytoscape restyles the record; nothing it draws changed.
    cy.getElementById('a').grabify().updateStyle();
    expect(changed('a')).toEqual([]);
    // A class the stylesheet styles, a new name, a new place: each drops the pictures holding the record.
    cy.getElementById('a').addClass('faded');
    expect(changed('a')).toEqual(['a']);
    drawAll();
    cy.getElementById('a').data('label', 'Shelter (new name)');
    expect(changed('a')).toEqual(['a']);
    drawAll();
    cy.getElementById('b').position({ x: 140, y: 10 });
    expect(changed('b')).toEqual(['b']);
    // A class no style rule uses changes nothing drawn.
    drawAll();
    cy.getElementById('b').addClass('unstyled');
    expect(changed('b')).toEqual([]);
  });

  it('drops them for relations, records never drawn, and records drawn looking two ways since the last drop', () => {
    const { cy, drawAll, changed } = drawnGraph();
    // Never drawn: not known to look as drawn.
    expect(changed('a')).toEqual(['a']);
    drawAll();
    // A relation's line depends on its ends and on the relations bundled with it.
    expect(changed('ab')).toEqual(['ab']);
    // Drawn at one place, moved before its change reached the pictures, drawn at the other (a picture built in
    // slices meanwhile), moved back: the first picture still shows the first place, and is dropped.
    cy.getElementById('b').position({ x: 120, y: 0 });
    drawAll();
    cy.getElementById('b').position({ x: 100, y: 0 });
    expect(changed('b')).toEqual(['b']);
    // Once dropped, drawn again: noted afresh.
    drawAll();
    expect(changed('b')).toEqual([]);
  });

  it('drops none for elements lifted out of the pictures (a record dragged), until they are put back', () => {
    const { cy, drawAll, changed, node } = drawnGraph();
    drawAll();
    liftOutOfPictures([node('a'), node('ab')]);
    cy.getElementById('a').position({ x: 30, y: 30 });
    expect(changed('a', 'ab')).toEqual([]);
    putBackInPictures([node('a'), node('ab')]);
    // Put back without being drawn again: what they look like in the pictures is not known.
    expect(changed('a', 'ab')).toEqual(['a', 'ab']);
  });
});

import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabelOverlay as Overlay } from './labelOverlay';

/** The names the overlay's canvas drew last, by a stand-in canvas whose context notes each text. */
function recordingCanvas() {
  const texts: string[] = [];
  const context = new Proxy(
    { fillText: (text: string) => void texts.push(text) },
    // Every other call and setting of a 2D context does nothing here.
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => {}), set: () => true },
  );
  const canvas = {
    width: 0,
    height: 0,
    hidden: true,
    style: {},
    getContext: () => {
      texts.length = 0;
      return context;
    },
  } as unknown as HTMLCanvasElement;
  return { canvas, texts };
}

let LabelOverlay: typeof Overlay;

beforeAll(async () => {
  // What the overlay reads of the page: no canvas to measure with (a character then counts as 0.6 of the font).
  vi.stubGlobal('window', { location: { search: '' }, devicePixelRatio: 1 });
  vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  ({ LabelOverlay } = await import('./labelOverlay'));
});

afterAll(() => vi.unstubAllGlobals());

/** Two records in an 800 × 600 view, both with room for their names. */
function namedGraph() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    // Where they are given (a headless instance puts every record at the origin without a layout named).
    layout: { name: 'preset' },
    elements: [
      { group: 'nodes', data: { id: 'a', label: 'Shelter' }, position: { x: 100, y: 100 } },
      { group: 'nodes', data: { id: 'b', label: 'Clinic' }, position: { x: 500, y: 400 } },
    ],
    style: [{ selector: 'node', style: { width: 20, height: 20 } }],
  });
  Object.assign(cy, { width: () => 800, height: () => 600 });
  cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
  const { canvas, texts } = recordingCanvas();
  const overlay = new LabelOverlay(canvas, { isSelected: () => false, ownLabelsDrawn: () => false });
  /** The names drawn once the view has rested and the pick and its frame are done. */
  const drawnNames = async () => {
    await vi.waitFor(() => expect(overlay['pickPending']).toBe(false), { timeout: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    return [...texts].sort();
  };
  return { cy, overlay, drawnNames };
}

describe('the names over the graph', () => {
  it('follow a rename, and a record added or taken away', async () => {
    const { cy, overlay, drawnNames } = namedGraph();
    overlay.attach(cy);
    expect(await drawnNames()).toEqual(['Clinic', 'Shelter']);
    cy.getElementById('a').data('label', 'Safe House');
    expect(await drawnNames()).toEqual(['Clinic', 'Safe House']);
    // Taken away and put back under the same id with another name: read afresh.
    cy.getElementById('b').remove();
    expect(await drawnNames()).toEqual(['Safe House']);
    cy.add({ group: 'nodes', data: { id: 'b', label: 'Legal Aid' }, position: { x: 500, y: 400 } });
    expect(await drawnNames()).toEqual(['Legal Aid', 'Safe House']);
    overlay.forget();
  });

  it('name what is in view or near it, and what a pan brings there', async () => {
    const { cy, overlay, drawnNames } = namedGraph();
    // Past the view (800 pixels wide at zoom 1) and a quarter of it on the right.
    cy.add({ group: 'nodes', data: { id: 'c', label: 'Hotline' }, position: { x: 1100, y: 300 } });
    // Far off, as many hubs as the overlay names at once, each ranked above the two in view (by its relations).
    for (let index = 0; index < 200; index++) {
      const position = { x: 3000 + (index % 10) * 300, y: 3000 + Math.floor(index / 10) * 100 };
      cy.add({ group: 'nodes', data: { id: `far${index}`, label: `Partner ${index}`, degree: 5 }, position });
    }
    overlay.attach(cy);
    expect(await drawnNames()).toEqual(['Clinic', 'Shelter']);
    // The view moves right by 400 pixels: the shelter is past its left margin, the hotline in view.
    cy.pan({ x: -400, y: 0 });
    expect(await drawnNames()).toEqual(['Clinic', 'Hotline']);
    overlay.forget();
  });

  it('read every record afresh when the instance is named again (its changes went unheard meanwhile)', async () => {
    const { cy, overlay, drawnNames } = namedGraph();
    overlay.attach(cy);
    expect(await drawnNames()).toEqual(['Clinic', 'Shelter']);
    // The instance is kept or parked while another is shown: the overlay no longer hears it.
    overlay.forget();
    cy.getElementById('a').data('label', 'Safe House');
    overlay.attach(cy);
    expect(await drawnNames()).toEqual(['Clinic', 'Safe House']);
    overlay.forget();
  });
});

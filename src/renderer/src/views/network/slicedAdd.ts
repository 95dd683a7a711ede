/**
 * Adding thousands of elements to Cytoscape without holding the main thread for long.
 *
 * The elements go in slice by slice, each added and styled in a task of its own (about {@link SLICE_BUDGET_MS}),
 * inside one Cytoscape batch that stays open across the slices: Cytoscape does not draw while a batch is open, so
 * the graph is not redrawn after every slice, and the canvas keeps showing the previous graph until the new one is
 * drawn whole, in one frame. Without the slicing, styling a thousand nodes and their edges took two tasks of half a
 * second each. Before the batch ends, the picture that frame shows is drawn in slices too (prebuiltLayer.ts), so the
 * frame only copies it to the screen; left to Cytoscape, it drew every element in that one frame (about a fifth of
 * a second for a thousand nodes and their edges here).
 *
 * This module and prebuiltLayer.ts are the places that reach into Cytoscape's internals (its style engine, its
 * renderer's queues and caches, its batch state), each through an optional type: should a later Cytoscape drop one,
 * the adding still works, only with more of the work left to the drawing frame.
 */
import type { BoundingBox12, CollectionReturnValue, Core, ElementDefinition, EventObject } from 'cytoscape';
import { restoreDrawingOrder } from './drawingOrder';
import { nextTask } from './frames';
import { prebuildLayer } from './prebuiltLayer';

/** How long one slice may keep the main thread before it lets input and painting through. */
const SLICE_BUDGET_MS = 16;

/** Elements per `cy.add` call at first; the step then grows or shrinks so one call takes about ADD_CALL_MS. */
const FIRST_ADD_STEP = 5;
const ADD_CALL_MS = 5;

/**
 * Cytoscape's style engine, which `cy.style()` returns: `apply` styles elements now. It is not in the typings; the
 * slices use it to style each slice in its own task instead of all elements in the first frame.
 */
type StyleEngine = { apply?(elements: CollectionReturnValue): void };

/** Cytoscape's canvas renderer, as `cy.renderer()` returns it: the methods of it the slices call. */
type RendererQueue = { flushRenderedStyleQueue?(): void; getCachedZSortedEles?(): unknown };

/** Cytoscape's private batch state: the elements it restyles when the batch ends (every element added in it). */
type BatchState = { _private?: { batchStyleEles?: CollectionReturnValue } };

/** Events by which something other than the slices may change an element's style while the batch is open. */
const RESTYLE_EVENTS = 'class data select unselect style';

/**
 * Adds the elements (nodes before edges: an edge needs both its ends) in slices inside one batch, and ends the
 * batch. Resolves to true once every element is in, or to false as soon as `superseded` says a newer load replaced
 * this one (the batch is ended then too; the elements added so far stay for the newer load to remove).
 */
export async function addInSlices(
  cy: Core,
  elements: readonly ElementDefinition[],
  superseded: () => boolean,
): Promise<boolean> {
  const style = cy.style() as unknown as StyleEngine;
  // What the rest of the view restyles meanwhile (a selection, a highlight): the only elements the end of the
  // batch must restyle, as the slices style their own elements as they add them.
  const touched = cy.collection();
  const onTouched = (event: EventObject) => void touched.merge(event.target as CollectionReturnValue);
  cy.on(RESTYLE_EVENTS, onTouched);
  const renderer = (cy as unknown as { renderer(): RendererQueue }).renderer();
  // The union of the elements' bounding boxes, which the slices measure anyway: the extent of the prebuilt layer.
  let box: BoundingBox12 | null = null;
  cy.startBatch();
  try {
    let next = 0;
    let step = FIRST_ADD_STEP;
    while (next < elements.length) {
      const sliceStart = performance.now();
      do {
        const callStart = performance.now();
        // Styled at once: left to Cytoscape, every element would be styled in the frame that ends the batch.
        const added = cy.add(elements.slice(next, next + step));
        style.apply?.(added);
        // Measures the slice now (its rendered style and bounding boxes, which Cytoscape caches), not in the
        // frame that draws the graph.
        box = union(box, added.boundingBox());
        // What Cytoscape's renderer does before each frame for the elements changed since the last one (edge
        // geometry, texture-cache bookkeeping), done per call and counted in its time: the drawing frame then has
        // only the drawing left (a quarter less long, measured), and a slice of many edges stays in its budget.
        renderer.flushRenderedStyleQueue?.();
        next += step;
        // The first calls run cold (unoptimised code, nodes then edges): size the next one by what this one took.
        const took = Math.max(performance.now() - callStart, 0.1);
        step = Math.min(400, Math.max(2, Math.round((step * ADD_CALL_MS) / took)));
      } while (next < elements.length && performance.now() - sliceStart < SLICE_BUDGET_MS);
      await nextTask();
      if (superseded()) return false;
    }
    return !box || (await prebuildLayer(cy, box, superseded));
  } finally {
    if (!cy.destroyed()) {
      cy.removeListener(RESTYLE_EVENTS, onTouched);
      // Left alone, the end of the batch would restyle every element once more and mark all of them changed,
      // which costs the frame that draws the graph about a quarter of its time (measured at a thousand records).
      const batch = (cy as unknown as BatchState)._private;
      if (style.apply && batch?.batchStyleEles) batch.batchStyleEles = touched;
      cy.endBatch();
      // Ending the batch drops the renderer's drawing order (elements were added). The order computed for the
      // prebuilt layer still holds unless something restyled elements meanwhile; otherwise it is sorted again now,
      // in this task, rather than in the drawing frame (a tenth of that frame at a thousand records).
      if (!(touched.empty() && restoreDrawingOrder(cy))) renderer.getCachedZSortedEles?.();
    }
  }
}

function union(box: BoundingBox12 | null, next: BoundingBox12): BoundingBox12 {
  if (!box) return { x1: next.x1, y1: next.y1, x2: next.x2, y2: next.y2 };
  return {
    x1: Math.min(box.x1, next.x1),
    y1: Math.min(box.y1, next.y1),
    x2: Math.max(box.x2, next.x2),
    y2: Math.max(box.y2, next.y2),
  };
}

/**
 * Adding or restyling thousands of Cytoscape elements without holding the main thread for long.
 *
 * The elements are changed slice by slice, each added (or given its new classes) and styled in a task of its own
 * (about {@link SLICE_BUDGET_MS}), inside one Cytoscape batch that stays open across the slices: Cytoscape does not
 * draw while a batch is open, so the graph is not redrawn after every slice, and the canvas keeps showing the
 * previous picture until the new one is drawn whole, in one frame. Without the slicing, styling a thousand nodes and
 * their edges took two tasks of half a second each. Before the batch ends, the picture that frame shows is drawn in
 * slices too (prebuiltLayer.ts), so the frame only copies it; left to Cytoscape, it drew every element in that one
 * frame (about a fifth of a second for a thousand nodes and their edges here; over a second to fade five thousand
 * records for a focus).
 *
 * This module reaches into Cytoscape's internals (its style engine, its renderer's queues and caches, its batch
 * state), as the modules around layerCache.ts do, each through an optional type: should a later
 * Cytoscape drop one, the changes still work, only with more of the work left to the drawing frame.
 */
import type { BoundingBox12, CollectionReturnValue, Core, ElementDefinition, EventObject } from 'cytoscape';
import { restoreDrawingOrder, sortForDrawing, sortedForDrawing } from './drawingOrder';
import { SLICE_BUDGET_MS, nextTask } from './frames';
import { unionOf, type Point } from './graphElements';
import { buildLevelOnNextFrame, buildWholeGraphLevel, prebuildLayer } from './prebuiltLayer';
import { dropLayers } from './layerCache';
import { knownExtent, layerFits } from './graphExtent';
import { drawViewTile } from './viewTile';

/**
 * Elements per call (an add, a change of classes) at first; then as many as take about STEP_CALL_MS, up to MAX_STEP.
 * The cap is set by garbage collection, not by the calls' own work: while V8 marks the heap for a full collection it
 * runs marking steps of 5 to 8 ms on this thread, one after another, as a call allocates (on two cores its helper
 * threads seldom get one). A call of 40 elements then held the thread for 83 and 150 ms in traces at ~5,000 records
 * (eight and twelve marking steps in the call). With calls of 12, four of five such traces had no task over 47 ms;
 * the fifth had one of 67 ms (a young-generation collection of 31 ms in the same call). The graph is drawn as soon.
 */
const FIRST_STEP = 5;
const STEP_CALL_MS = 5;
export const MAX_STEP = 12;
/** The most elements and relations a restyle or move call touches: each changed record's relations count too. */
export const MAX_STEP_WEIGHT = 240;

/**
 * Cytoscape's style engine, which `cy.style()` returns: `apply` styles elements now. It is not in the typings; the
 * slices use it to style each slice in its own task instead of all elements in the first frame.
 */
type StyleEngine = { apply?(elements: CollectionReturnValue): void };

/** Cytoscape's canvas renderer, as `cy.renderer()` returns it: the methods of it the slices call. */
type RendererQueue = { flushRenderedStyleQueue?(): void; getCachedZSortedEles?(): unknown };

/** Cytoscape's private batch state: the elements it restyles when the batch ends (every element added in it). */
type BatchState = { _private?: { batchStyleEles?: CollectionReturnValue } };

/** Cytoscape's test of an edge drawn as a bezier bundled with its parallel edges; not in the typings. */
type BundleTest = { isBundledBezier?(): boolean };

/**
 * The elements a call's styling may have left with stale bounding boxes: its own, and the parallel edges of its
 * bundled bezier edges (the normal style's), which styling such an edge marks stale (Cytoscape's parallel-edges
 * bounds trigger), those measured in an earlier call included. Left stale, they were measured while being drawn into
 * the prebuilt picture, which the next frame then dropped as out of date: the normal style's graph came up over the
 * next eight frames, after the view had said it was drawn. The large style's edges are not bundled.
 */
function withStaleParallels(changed: CollectionReturnValue): CollectionReturnValue {
  const bundled = changed.edges().filter((edge) => (edge as unknown as BundleTest).isBundledBezier?.() === true);
  return bundled.empty() ? changed : changed.union(bundled.parallelEdges());
}

/** A change's step: changes about `count` more elements and returns them, or null once there are none left. */
type Step = (count: number) => CollectionReturnValue | null;

/** Events by which something other than the slices may change an element's style while the batch is open. */
const RESTYLE_EVENTS = 'class data select unselect style';

/**
 * Adds the elements (nodes before edges: an edge needs both its ends) in slices inside one batch, and ends the
 * batch. Resolves to true once every element is in, or to false as soon as `superseded` says a newer load replaced
 * this one (the batch is ended then too; the elements added so far stay for the newer load to remove).
 */
export function addInSlices(
  cy: Core,
  elements: readonly ElementDefinition[],
  superseded: () => boolean,
): Promise<boolean> {
  let next = 0;
  const step: Step = (count) => {
    if (next >= elements.length) return null;
    const added = cy.add(elements.slice(next, next + count));
    next += count;
    return added;
  };
  return changeInSlices(cy, { step }, superseded);
}

/**
 * Changes every element of `cy` (`change` gives a slice its new classes), restyling in slices inside one batch, and
 * ends the batch. Resolves to true once every element is restyled and drawn into the picture the next frame shows,
 * or to false as soon as `superseded` says a newer change replaced this one (the batch is ended then too).
 */
export function restyleInSlices(
  cy: Core,
  change: (slice: CollectionReturnValue) => void,
  superseded: () => boolean,
): Promise<boolean> {
  // The elements as they are when this change's turn comes (see changeInSlices).
  let elements: CollectionReturnValue | null = null;
  let next = 0;
  const step: Step = (count) => {
    elements ??= cy.elements();
    if (next >= elements.length) return null;
    const until = callEnd(elements, next, count);
    const slice = elements.slice(next, until);
    next = until;
    change(slice);
    return slice;
  };
  return changeInSlices(cy, { step, begin: () => true }, superseded);
}

/**
 * Moves nodes to new places (by id; nodes already there, or not drawn, are left alone) in slices inside one batch,
 * with the picture over the whole graph prebuilt before the batch ends, and ends the batch. Moving even a few
 * nodes makes Cytoscape drop its picture of the graph and draw every element one by one (a second at a thousand
 * records, for a path's arrangement). Resolves as {@link restyleInSlices} does.
 */
export function moveInSlices(
  cy: Core,
  positions: Readonly<Record<string, Point>>,
  superseded: () => boolean,
): Promise<boolean> {
  let ids: string[] = [];
  let extent: BoundingBox12 | undefined;
  let everything: Step | null = null;
  let next = 0;
  // The places as they are when this change's turn comes; the extent is read before anything moves.
  const begin = () => {
    ids = Object.keys(positions).filter((id) => {
      const node = cy.getElementById(id);
      const now = node.nonempty() ? node.position() : null;
      return now !== null && (now.x !== positions[id]!.x || now.y !== positions[id]!.y);
    });
    if (ids.length === 0) return false;
    // Without a known extent, or when most nodes move (a layout: the old extent no longer fits the graph), every
    // element goes through the slices.
    extent = ids.length * 2 > cy.nodes().length ? undefined : knownExtent(cy);
    if (!extent) everything = everyElement(cy);
    return true;
  };
  const step: Step = (count) => {
    if (everything) {
      const slice = everything(count);
      slice?.nodes().forEach((node) => {
        const place = positions[node.id()];
        if (place) node.position(place);
      });
      return slice;
    }
    if (next >= ids.length) return null;
    const moved = cy.collection();
    for (const id of ids.slice(next, next + count)) {
      const node = cy.getElementById(id).position(positions[id]!);
      moved.merge(node).merge(node.connectedEdges());
    }
    next += count;
    return moved;
  };
  return changeInSlices(cy, { step, begin, extentBefore: () => extent, restyles: false }, superseded);
}

/**
 * Runs `steps` in order, each changing a few elements (adding, removing, giving new data) and returning those it
 * added or changed, in slices inside one batch, with the picture over the whole graph rebuilt before the batch ends:
 * an edit's changes to the drawn graph (graphChanges.ts). Resolves as {@link restyleInSlices} does.
 */
export function changeInSteps(
  cy: Core,
  steps: readonly (() => CollectionReturnValue)[],
  superseded: () => boolean,
): Promise<boolean> {
  let extent: BoundingBox12 | undefined;
  // Without a known extent, every element goes through the slices after the steps.
  let everything: Step | null = null;
  let next = 0;
  const begin = () => {
    // Read when this change's turn comes, before anything is added or removed (which forgets it).
    extent = knownExtent(cy);
    // Without a known extent every element goes through the slices, restyled.
    return steps.length > 0 || !extent;
  };
  const step: Step = (count) => {
    if (next < steps.length) {
      const changed = cy.collection();
      for (const until = Math.min(steps.length, next + count); next < until; next++) changed.merge(steps[next]!());
      return changed;
    }
    if (extent) return null;
    everything ??= everyElement(cy);
    return everything(count);
  };
  return changeInSlices(cy, { step, begin, extentBefore: () => extent }, superseded);
}

/**
 * Steps through every element of `cy`, as they are at the first step, about `count` at a time (see {@link callEnd}):
 * for a change whose extent is not known, so that the slices measure the whole graph (the extent the picture is
 * drawn over).
 */
function everyElement(cy: Core): Step {
  let elements: CollectionReturnValue | null = null;
  let next = 0;
  return (count) => {
    elements ??= cy.elements();
    if (next >= elements.length) return null;
    const until = callEnd(elements, next, count);
    const slice = elements.slice(next, until);
    next = until;
    return slice;
  };
}

/**
 * Where a call over `elements` that starts at `from` and changes up to `count` of them ends. A restyled or moved
 * record has its relations' geometry computed again too: the call stops early at MAX_STEP_WEIGHT, a record weighing
 * one and its relations one each (a need's hundreds of relations made one call of forty records take 80 ms, moving
 * the graph to a new layout at five thousand records).
 */
export function callEnd(elements: CollectionReturnValue, from: number, count: number): number {
  let until = from;
  for (let weight = 0; until < elements.length && until - from < count && weight < MAX_STEP_WEIGHT; until++) {
    const element = elements[until]!;
    weight += element.isNode() ? 1 + element.degree(false) : 1;
  }
  return until;
}

/** One of the four kinds of change, as the slicing they share runs it. */
type SlicedChange = {
  step: Step;
  /**
   * Called when the change's turn comes, to read what it needs of the graph as it is then: whether the change
   * changes anything drawn, which drops every picture Cytoscape keeps of the graph (each holds every element). Not
   * given for a load, which starts with no picture.
   */
  begin?: () => boolean;
  /** The extent of the elements the change leaves as they were (when only some change), once it has started. */
  extentBefore?: () => BoundingBox12 | undefined;
  /**
   * False for a move, which changes no element's style: a moved element's pictures stay good, and moving it already
   * queues it, and its relations, for the renderer (Cytoscape's bounds events). Restyling them anyway (a style key
   * and every mapped property made anew for each element, and a style event each) was 106 of the 268 MB the slices
   * of a re-layout allocated at five thousand records (sampled), for nothing drawn differently.
   */
  restyles?: boolean;
};

/**
 * The slicing all four share: `step(count)` changes about `count` more elements and returns them (null once there
 * are none left); each call's elements are styled and measured at once, and the calls are sized to take about
 * STEP_CALL_MS each and grouped into tasks of about SLICE_BUDGET_MS. The picture is prebuilt over the changed
 * elements and `extentBefore()`.
 */
function changeInSlices(cy: Core, change: SlicedChange, superseded: () => boolean): Promise<boolean> {
  // One change at a time per instance, in the order asked: each keeps a batch open across its slices and hands the
  // batch's end its own list of elements to restyle, which an overlapping change would cut short.
  return queueChange(cy, () => sliceChange(cy, change, superseded), superseded);
}

/**
 * Runs `change` on `cy` once every change asked for on it before has ended (in the task that ends the last; at once
 * when none is going), unless `superseded` says not to by then. Every change to a large graph's elements goes through
 * here: one waits for the other.
 */
export function queueChange(
  cy: Core,
  change: () => boolean | Promise<boolean>,
  superseded: () => boolean,
): Promise<boolean> {
  return inTurn(cy, () => !superseded() && change());
}

/**
 * Runs `work` on `cy` once every change (see {@link queueChange}) and every other work asked for on it before has
 * ended, and resolves to its result; what is asked for after waits for it. For what reads the graph over several
 * tasks and must see it still throughout: an image of the whole graph drawn in bands, which a move or an edit going
 * in between two bands would tear, or a layout's request, which starts from the places as they are.
 */
export function inTurn<T>(cy: Core, work: () => T | Promise<T>): Promise<T> {
  const previous = changesGoing.get(cy) ?? Promise.resolve();
  const next = previous.then(work);
  // A failure is its caller's to hear; what comes next runs all the same.
  changesGoing.set(
    cy,
    next.catch(() => undefined),
  );
  return next;
}

/** The last change or work asked for on each instance (see {@link inTurn}). */
const changesGoing = new WeakMap<Core, Promise<unknown>>();

/** Resolves once every change asked for on `cy` so far has ended. */
export async function changesDone(cy: Core): Promise<void> {
  await changesGoing.get(cy);
}

async function sliceChange(
  cy: Core,
  { step, begin, extentBefore, restyles = true }: SlicedChange,
  superseded: () => boolean,
): Promise<boolean> {
  // Not in the task that asked for the change (a click, with the view's render): the first slice is a task's worth.
  await nextTask();
  if (superseded()) return false;
  // None on an instance without styles (headless).
  const style = cy.style() as unknown as StyleEngine | undefined;
  // What the rest of the view restyles meanwhile (a selection, a highlight): the only elements the end of the
  // batch must restyle, as the slices style their own elements as they change them.
  const touched = cy.collection();
  let inStep = false;
  const onTouched = (event: EventObject) => {
    if (!inStep) touched.merge(event.target as CollectionReturnValue);
  };
  cy.on(RESTYLE_EVENTS, onTouched);
  const renderer = (cy as unknown as { renderer(): RendererQueue }).renderer();
  // The union of the elements' bounding boxes, which the slices measure anyway: the extent of the prebuilt layer.
  let box: BoundingBox12 | null = null;
  cy.startBatch();
  try {
    if (begin) {
      if (!begin()) return true;
      // The first slice would drop them (11 to 17 ms at five thousand records, on top of its own work, seen in
      // traces): dropped in a task of their own instead. No frame draws while the batch is open.
      await nextTask();
      if (superseded()) return false;
      dropLayers(cy);
      await nextTask();
      if (superseded()) return false;
    }
    let count = FIRST_STEP;
    for (let done = false; !done;) {
      const sliceStart = performance.now();
      do {
        const callStart = performance.now();
        // The slice's own events (its classes, its style event) are not something else touching it. Only while
        // the call runs: a change made after the last slice, while the picture is prebuilt, must be restyled.
        inStep = true;
        let changed: CollectionReturnValue | null;
        try {
          changed = step(count);
          // Styled at once: left to Cytoscape, every element would be styled in the frame that ends the batch. The
          // style event puts them in the renderer's queue (its texture caches drop their old pictures). Not a move's.
          if (changed && restyles) {
            style?.apply?.(changed);
            changed.emit('style');
          }
        } finally {
          inStep = false;
        }
        if (!changed) {
          done = true;
          break;
        }
        // Measures the slice now (its rendered style and bounding boxes, which Cytoscape caches), not in the
        // frame that draws the graph. The union is a new box: Cytoscape may hand over one it keeps (an element's).
        if (changed.nonempty()) {
          const measured = withStaleParallels(changed).boundingBox();
          box = unionOf(box ?? measured, measured);
        }
        // What Cytoscape's renderer does before each frame for the elements changed since the last one (edge
        // geometry, texture-cache bookkeeping), done per call and counted in its time: the drawing frame then has
        // only the drawing left (a quarter less long, measured), and a slice of many edges stays in its budget.
        renderer.flushRenderedStyleQueue?.();
        // The first calls run cold (unoptimised code, nodes then edges): size the next one by what this one took,
        // growing at most twofold and to MAX_STEP: elements a restyle leaves as they were cost next to nothing, and
        // a call sized by a run of them would then meet a run of changed ones, or of labelled nodes, whose labels are
        // measured again (one call of 400 took 35 ms; of 150 labelled nodes, about 75 ms).
        const took = Math.max(performance.now() - callStart, 0.1);
        count = Math.min(MAX_STEP, count * 2, Math.max(2, Math.round((count * STEP_CALL_MS) / took)));
      } while (performance.now() - sliceStart < SLICE_BUDGET_MS);
      await nextTask();
      if (superseded()) return false;
    }
    // The extent of the elements the slices did not touch, which the picture must cover too (a move's).
    const before = extentBefore?.();
    if (box && before) box = unionOf(box, before);
    if (!box) return true;
    if (!(await prebuildLayer(cy, box, superseded))) return false;
    // Zoomed in past any picture of the whole graph: the picture of what is in view instead (viewTile.ts).
    return layerFits(cy) !== false || (await drawViewTile(cy, superseded));
  } finally {
    // The drawing order for the end of the batch, computed in slices where no picture needed it (zoomed in, or the
    // change stopped part way for a newer one): Cytoscape would sort every element in that task (35 to 100 ms at
    // five thousand records).
    if (!cy.destroyed() && !sortedForDrawing(cy)) await sortForDrawing(cy, () => cy.destroyed());
    if (!cy.destroyed()) {
      cy.removeListener(RESTYLE_EVENTS, onTouched);
      // Left alone, the end of the batch would restyle every element once more and mark all of them changed,
      // which costs the frame that draws the graph about a quarter of its time (measured at a thousand records).
      const batch = (cy as unknown as BatchState)._private;
      if (style?.apply && batch?.batchStyleEles) batch.batchStyleEles = touched;
      cy.endBatch();
      // Ending the batch drops the renderer's drawing order (elements were added, or z-indexes changed). The order
      // computed for the prebuilt layer still holds, for elements restyled meanwhile too while they keep their
      // place in it (a selection); otherwise it is sorted again now, in this task, rather than in the drawing frame
      // (a tenth of that frame at a thousand records).
      if (!restoreDrawingOrder(cy, touched.toArray())) renderer.getCachedZSortedEles?.();
      // Zoomed in past any picture of the whole graph, one is built for when the view zooms back out.
      buildWholeGraphLevel(cy);
      // A change stopped part way leaves no picture at the zoom in use: the next frame has one built in slices,
      // rather than drawing every element itself (0.9 to 1.4 s at five thousand records).
      buildLevelOnNextFrame(cy);
    }
  }
}

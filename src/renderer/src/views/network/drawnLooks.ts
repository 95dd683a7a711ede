/**
 * Keeps Cytoscape's pictures of the graph through changes that change nothing drawn.
 *
 * Cytoscape drops every picture (layer) holding an element whenever that element's style is brought up to date,
 * whether or not anything drawn changed: "any change invalidates the layers", in its renderer. In the normal style a
 * click on a record grabs and frees it, and each restyles it (`:grabbed` is a state a stylesheet may style; this
 * view's does not). The next frame, the next gesture's first, then dropped the picture of the whole graph, and for a
 * quarter of a second and until it was drawn again, every frame drew the graph element by element: tasks of 55–67 ms
 * while dragging the view right after clicking a record, at ~400 records in `npm run bench -- network`.
 *
 * Here a record's looks are noted each time it is drawn into a picture: Cytoscape's key of its style (a hash of every
 * style property's value), its label's key and its place. A change to a record that looks as it did in every drawing
 * of it since the pictures last dropped it drops nothing. Relations always drop their pictures: a line also depends
 * on its ends and on the relations bundled with it. Nor does a change to an element taken out of the pictures while
 * a record is dragged (recordDrag.ts).
 *
 * Reached through optional types into Cytoscape's canvas renderer (3.x), as layerCache.ts is; without what it
 * needs, every change drops the pictures, as before.
 */
import type { Collection, Core, SingularElementArgument } from 'cytoscape';
import { layerCacheOf, type CanvasRenderer, type LayerCache } from './layerCache';

/** What of a record a drawing shows; `mixed` once it was drawn looking two ways. */
type Looks = { style: unknown; label: unknown; x: number; y: number; mixed: boolean };

/** Cytoscape's own fields for an element, as its renderer keeps them up to date. */
type ElementFields = {
  _private: {
    group: 'nodes' | 'edges';
    styleKey?: unknown;
    labelKey?: unknown;
    position: { x: number; y: number };
    children?: readonly unknown[];
  };
};

export type InvalidatingCache = LayerCache & { invalidateElements?(elements: Collection): void };

/**
 * A record's looks as drawn into the pictures since they last dropped it, kept on the record itself: in a weak map
 * (one entry per record, five thousand at ~5,000 records) they add to a full collection's final pause on the main
 * thread: its closure over weak maps took 4.8 and 9.3 ms in two traced pauses, under 1 ms in others.
 */
const DRAWN_LOOKS = Symbol('drawnLooks');
type WithLooks = { [DRAWN_LOOKS]?: Looks | undefined };

function drawnLooksOf(element: SingularElementArgument): Looks | undefined {
  return (element as WithLooks)[DRAWN_LOOKS];
}

/** Notes `looks` on `element`, or forgets them (undefined: the property stays, so every record keeps one shape). */
function setDrawnLooks(element: SingularElementArgument, looks: Looks | undefined): void {
  (element as WithLooks)[DRAWN_LOOKS] = looks;
}

/** Elements no picture holds for now, drawn by Cytoscape on a layer of their own (recordDrag.ts). */
const lifted = new WeakSet<SingularElementArgument>();

/**
 * From now on, `cy`'s pictures keep a record whose looks have not changed since it was drawn into them. Call once
 * per instance, before anything is drawn.
 */
export function keepPicturesOfUnchangedRecords(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): CanvasRenderer }).renderer();
  const cache = layerCacheOf(renderer);
  if (cache) sparePicturesInCache(cache);
}

/** Makes Cytoscape's layer cache note what it draws and keep its layers through changes that spare them. */
export function sparePicturesInCache(cache: InvalidatingCache): void {
  const draw = cache.drawEleInLayer;
  const invalidate = cache.invalidateElements;
  if (!draw || !invalidate) return;
  cache.drawEleInLayer = function (layer, element, level, pixelRatio) {
    noteLooks(element);
    draw.call(this, layer, element, level, pixelRatio);
  };
  cache.invalidateElements = function (elements) {
    const changed = elements.filter((element) => !changeSparesPictures(element));
    // Each picture holding them is dropped: they are noted afresh as they are drawn again.
    for (const element of changed) if (drawnLooksOf(element)) setDrawnLooks(element, undefined);
    invalidate.call(this, changed);
  };
}

/**
 * Whether a change to `element` can leave the pictures as they are: no picture holds it (it is lifted), or it is a
 * record that looks as it did in every drawing of it into a picture since the pictures last dropped it.
 */
export function changeSparesPictures(element: SingularElementArgument): boolean {
  return lifted.has(element) || looksAsDrawn(element);
}

/** Marks `elements` as out of every picture, until {@link putBackInPictures}: what they looked like there is gone. */
export function liftOutOfPictures(elements: readonly SingularElementArgument[]): void {
  for (const element of elements) {
    lifted.add(element);
    setDrawnLooks(element, undefined);
  }
}

/** Marks `elements` as in the pictures again (drawn there as they are now, noted as they were drawn). */
export function putBackInPictures(elements: readonly SingularElementArgument[]): void {
  for (const element of elements) lifted.delete(element);
}

function looksAsDrawn(element: SingularElementArgument): boolean {
  const looks = drawnLooksOf(element);
  if (!looks || looks.mixed || element.removed()) return false;
  const fields = (element as unknown as ElementFields)._private;
  return sameLooks(looks, fields) && element.style('background-image') === 'none';
}

function noteLooks(element: SingularElementArgument): void {
  const fields = (element as unknown as ElementFields)._private;
  // A compound record's drawing follows its children; relations, their ends (see above).
  if (fields.group !== 'nodes' || (fields.children?.length ?? 0) > 0) return;
  const looks = drawnLooksOf(element);
  if (!looks) {
    const { x, y } = fields.position;
    setDrawnLooks(element, { style: fields.styleKey, label: fields.labelKey, x, y, mixed: false });
  } else if (!sameLooks(looks, fields)) looks.mixed = true;
}

function sameLooks(looks: Looks, fields: ElementFields['_private']): boolean {
  return (
    looks.style !== undefined &&
    looks.style === fields.styleKey &&
    looks.label === fields.labelKey &&
    looks.x === fields.position.x &&
    looks.y === fields.position.y
  );
}

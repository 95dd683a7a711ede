/**
 * The graph of a network view that went (another tab opened, the discreet screen shown), parked off the page so
 * that the next network view shows it again at once instead of drawing it anew. At ~5,000 records drawing it anew
 * adds sixteen thousand elements in slices for about two seconds, and with the garbage of the graph that went, V8
 * ran a full collection whose final pause (25 to 40 ms in traces) fell into one of those slices: the bench's step
 * "come back from the hidden screen" held the main thread for 77 ms once.
 *
 * Only a graph the view would keep hidden is parked (keptGraph.ts: drawn whole, nothing laid over it, the largest),
 * with the data revision it drew. The next view's controller takes it as its kept graph, shown only when it draws
 * that view's answer exactly (checked element by element); a graph parked before a change of data is destroyed
 * instead. One graph is parked at a time.
 *
 * Off the page, nothing of it is on screen, which the discreet screen promises: its box leaves the document, and
 * Cytoscape, following its container's size, empties its canvases. It holds the memory a drawn graph holds.
 *
 * Only types from Cytoscape: the view asks {@link parkedGraphMayShow} before Cytoscape is loaded.
 */
import { destroyInstance, removeViewListeners, type DrawnInstance } from './drawnInstance';

let parked: { instance: DrawnInstance; revision: number } | null = null;

/**
 * Parks `instance` (drawn at data `revision`), without its view's listeners and off the page, in place of any graph
 * parked before.
 */
export function parkGraph(instance: DrawnInstance, revision: number): void {
  dropParkedGraph();
  removeViewListeners(instance.cy);
  instance.box.remove();
  parked = { instance, revision };
}

/**
 * The parked graph, no longer parked, when it was drawn at data `revision` and is still whole; otherwise it is
 * destroyed, and null.
 */
export function takeParkedGraph(revision: number): DrawnInstance | null {
  const taken = parked;
  parked = null;
  if (!taken) return null;
  if (taken.revision === revision && !taken.instance.cy.destroyed()) return taken.instance;
  destroyInstance(taken.instance);
  return null;
}

/**
 * Whether the parked graph may be the one for an answer of so many records and relations at data `revision`: a
 * cheap guess, as KeptGraph.mayBe is (the same counts make the same style).
 */
export function parkedGraphMayShow(nodes: number, edges: number, revision: number): boolean {
  if (!parked || parked.revision !== revision || parked.instance.cy.destroyed()) return false;
  return parked.instance.cy.nodes().length === nodes && parked.instance.cy.edges().length === edges;
}

/** Destroys the parked graph, if any. */
export function dropParkedGraph(): void {
  if (parked) destroyInstance(parked.instance);
  parked = null;
}

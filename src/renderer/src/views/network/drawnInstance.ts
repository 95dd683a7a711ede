/**
 * A Cytoscape instance of the network view with the box it draws in. An instance outlives the graph it was made
 * for: kept hidden beside the shown one (keptGraph.ts), or parked off the page while no network view is open
 * (parkedGraph.ts), and shown again later, by the same view or the next one.
 *
 * So the listeners a view's controller puts on an instance (what a tap selects, where a move is saved) are told
 * apart from the instance's own hooks (how it draws, made with it in newInstance.ts): they are noted ({@link listenForView}), and a
 * parked instance loses them ({@link removeViewListeners}) before the next view's controller adds its own.
 *
 * Only types from Cytoscape: the view's script imports this module before Cytoscape is loaded.
 */
import type { Core, EventHandler } from 'cytoscape';

/** A Cytoscape instance with the box it draws in (see {@link instanceBox}) and the style it was made for. */
export interface DrawnInstance {
  cy: Core;
  box: HTMLElement;
  /** Whether the instance was made with Cytoscape's performance options (graphController.ts). */
  performanceMode: boolean;
}

/** The class that hides a kept instance's box (network.css). */
export const KEPT_CLASS = 'canvas__instance--kept';

/**
 * A box for a new instance in the view's `container`, and the element Cytoscape draws in, inside it: hiding the
 * outer box (or taking it off the page) leaves Cytoscape's container untouched. Cytoscape destroys its renderer
 * when its container leaves its parent, not when that parent leaves the page.
 */
export function instanceBox(container: HTMLElement): { box: HTMLElement; cytoscapeContainer: HTMLElement } {
  const box = document.createElement('div');
  box.className = 'canvas__instance';
  const cytoscapeContainer = document.createElement('div');
  cytoscapeContainer.className = 'canvas__cytoscape';
  box.append(cytoscapeContainer);
  container.append(box);
  return { box, cytoscapeContainer };
}

/** Hides (kept) or shows an instance's box. */
export function setKept(instance: DrawnInstance, kept: boolean): void {
  instance.box.classList.toggle(KEPT_CLASS, kept);
}

/** Destroys an instance and takes its box off the page (after: Cytoscape destroys its renderer when it goes). */
export function destroyInstance(instance: DrawnInstance): void {
  if (!instance.cy.destroyed()) instance.cy.destroy();
  instance.box.remove();
}

type ViewListener = { events: string; selector: string | undefined; handler: EventHandler };

/** The listeners each instance's view put on it (see {@link listenForView}). */
const viewListeners = new WeakMap<Core, ViewListener[]>();

/**
 * Listens to `events` on `cy` (those of elements matching `selector`, if given) for the view: a listener the
 * instance loses when it is parked ({@link removeViewListeners}). Cytoscape's event namespaces cannot tell these
 * apart: a listener with a namespace hears only events emitted with it, and Cytoscape emits taps and drags without.
 */
export function listenForView(cy: Core, events: string, handler: EventHandler, selector?: string): void {
  if (selector === undefined) cy.on(events, handler);
  else cy.on(events, selector, handler);
  viewListeners.set(cy, [...(viewListeners.get(cy) ?? []), { events, selector, handler }]);
}

/** Takes every listener the view put on `cy` off it (see {@link listenForView}); its own hooks stay. */
export function removeViewListeners(cy: Core): void {
  for (const { events, selector, handler } of viewListeners.get(cy) ?? []) cy.removeListener(events, selector, handler);
  viewListeners.delete(cy);
}

/**
 * The records in name order, for the table view (NodeTable.tsx), sorted once per answer and kept: sorting five
 * thousand names with the collator took 28 ms of the render that opened the table (seen in traces), which the
 * window then laid out and painted in the same breath. The sort is done ahead, when the browser is idle after a
 * load, and a focus or a path shows its records in that order without sorting again.
 */
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

const sorted = new WeakMap<readonly NetworkNode[], readonly NetworkNode[]>();

/** `nodes` sorted by name (ignoring case and accents), the same array for the same answer. */
export function inNameOrder(nodes: readonly NetworkNode[]): readonly NetworkNode[] {
  let rows = sorted.get(nodes);
  if (!rows) {
    rows = [...nodes].sort((a, b) => byName.compare(a.name, b.name));
    sorted.set(nodes, rows);
  }
  return rows;
}

/** Sorts `nodes` by name when the browser is next idle; returns what stops it (a newer answer came). */
export function sortWhenIdle(nodes: readonly NetworkNode[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  const idle = requestIdleCallback(() => inNameOrder(nodes), { timeout: 5000 });
  return () => cancelIdleCallback(idle);
}

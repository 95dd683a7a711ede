import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { inNameOrder, sortWhenIdle } from './nameOrder';

function named(name: string, id = name): NetworkNode {
  return { id, kind: 'actor', name, status: 'active', subtype: 'ngo', stale: false, degree: 0 };
}

describe('inNameOrder', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sorts by name ignoring case and accents, and leaves the answer as it was', () => {
    const nodes = [named('zeta'), named('Álamo'), named('casa'), named('Beta')];
    expect(inNameOrder(nodes).map((node) => node.name)).toEqual(['Álamo', 'Beta', 'casa', 'zeta']);
    expect(nodes.map((node) => node.name)).toEqual(['zeta', 'Álamo', 'casa', 'Beta']);
  });

  it('sorts an answer once: the same array again, a new answer sorted anew', () => {
    const nodes = [named('b'), named('a')];
    const first = inNameOrder(nodes);
    expect(inNameOrder(nodes)).toBe(first);
    expect(inNameOrder([...nodes])).not.toBe(first);
  });

  it('sorts ahead when the browser is idle, unless a newer answer came first', () => {
    const callbacks = new Map<number, () => void>();
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      callbacks.set(callbacks.size + 1, callback);
      return callbacks.size;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => callbacks.delete(id));
    const sort = vi.spyOn(Array.prototype, 'sort');
    const nodes = [named('b'), named('a')];
    const stale = [named('d'), named('c')];
    const stop = sortWhenIdle(stale);
    sortWhenIdle(nodes);
    stop();
    for (const callback of callbacks.values()) callback();
    expect(sort).toHaveBeenCalledTimes(1);
    // Sorted already: the table's render only looks it up.
    inNameOrder(nodes);
    expect(sort).toHaveBeenCalledTimes(1);
    sort.mockRestore();
  });
});

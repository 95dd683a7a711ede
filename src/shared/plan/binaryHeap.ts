/** A binary min-heap of integer items keyed by a number, with ties broken by the item (so pops are deterministic). */

/** A min-heap of non-negative integer items ordered by key, then by item. */
export class BinaryHeap {
  private items: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number): void {
    const items = this.items;
    const keys = this.keys;
    let i = items.length;
    items.push(item);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(keys[i]!, items[i]!, keys[parent]!, items[parent]!)) break;
      swap(items, keys, i, parent);
      i = parent;
    }
  }

  /** Removes and returns the item with the smallest key (undefined when empty); its key is in {@link lastKey}. */
  pop(): number | undefined {
    const items = this.items;
    const keys = this.keys;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    this.lastKey = keys[0]!;
    const lastItem = items.pop()!;
    const lastKey = keys.pop()!;
    if (items.length > 0) {
      items[0] = lastItem;
      keys[0] = lastKey;
      let i = 0;
      const n = items.length;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < n && less(keys[left]!, items[left]!, keys[smallest]!, items[smallest]!)) smallest = left;
        if (right < n && less(keys[right]!, items[right]!, keys[smallest]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        swap(items, keys, i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  /** The key of the item the last {@link pop} returned. */
  lastKey = 0;
}

function less(keyA: number, itemA: number, keyB: number, itemB: number): boolean {
  return keyA < keyB || (keyA === keyB && itemA < itemB);
}

function swap(items: number[], keys: number[], a: number, b: number): void {
  const item = items[a]!;
  items[a] = items[b]!;
  items[b] = item;
  const key = keys[a]!;
  keys[a] = keys[b]!;
  keys[b] = key;
}

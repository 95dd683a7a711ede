import { describe, expect, it } from 'vitest';
import { nextTask, visitInSlices } from './frames';

describe('nextTask', () => {
  it('resolves each wait in a task of its own, in the order asked', async () => {
    const order: string[] = [];
    const first = nextTask().then(() => {
      order.push('first');
      // Runs before the second wait resolves only if that one waits for a task of its own.
      queueMicrotask(() => order.push("first's microtask"));
    });
    const second = nextTask().then(() => order.push('second'));
    const third = nextTask().then(() => order.push('third'));
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', "first's microtask", 'second', 'third']);
  });

  it('goes on resolving waits asked for after earlier ones resolved', async () => {
    for (let i = 0; i < 3; i++) await nextTask();
    let resolved = false;
    const wait = nextTask().then(() => (resolved = true));
    // Not in the task that asked.
    expect(resolved).toBe(false);
    await wait;
    expect(resolved).toBe(true);
  });
});

describe('visitInSlices', () => {
  it('visits every item in order, stops at a false, and stops once superseded', async () => {
    const seen: number[] = [];
    const items = [1, 2, 3, 4, 5];
    expect(
      await visitInSlices(
        items,
        (item) => void seen.push(item),
        () => false,
        2,
      ),
    ).toBe(true);
    expect(seen).toEqual(items);
    seen.length = 0;
    expect(
      await visitInSlices(
        items,
        (item) => (seen.push(item), item < 3),
        () => false,
        2,
      ),
    ).toBe(false);
    expect(seen).toEqual([1, 2, 3]);
    expect(
      await visitInSlices(
        items,
        () => true,
        () => true,
        2,
      ),
    ).toBe('superseded');
  });
});

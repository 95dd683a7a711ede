import { describe, expect, it } from 'vitest';
import { nextTask } from './frames';

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

import { describe, expect, it } from 'vitest';
import { oneAtATime } from './oneAtATime';

/** A piece of work that records when it starts and ends, and ends when told to. */
function trackedWork(name: string, log: string[]) {
  let finish!: (fail?: boolean) => void;
  const work = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`${name} starts`);
      finish = (fail = false) => {
        log.push(`${name} ends`);
        if (fail) reject(new Error(`${name} failed`));
        else resolve(name);
      };
    });
  return { work, finish: (fail?: boolean) => finish(fail) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneAtATime', () => {
  it('starts each piece of work only once the one asked before it has ended, in the order asked', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    const [first, second, third] = ['first', 'second', 'third'].map((name) => trackedWork(name, log));
    const results = [inTurn(first!.work), inTurn(second!.work), inTurn(third!.work)];
    await settle();
    expect(log).toEqual(['first starts']);
    first!.finish();
    await settle();
    expect(log).toEqual(['first starts', 'first ends', 'second starts']);
    second!.finish();
    await settle();
    third!.finish();
    expect(await Promise.all(results)).toEqual(['first', 'second', 'third']);
    expect(log).toEqual(['first starts', 'first ends', 'second starts', 'second ends', 'third starts', 'third ends']);
  });

  it("runs the next piece of work after one that failed, and tells only the failed work's caller", async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    const failing = trackedWork('failing', log);
    const next = trackedWork('next', log);
    const failed = inTurn(failing.work);
    const after = inTurn(next.work);
    await settle();
    failing.finish(true);
    await expect(failed).rejects.toThrow('failing failed');
    await settle();
    expect(log).toEqual(['failing starts', 'failing ends', 'next starts']);
    next.finish();
    await expect(after).resolves.toBe('next');
  });

  it('runs work at once when nothing else is running', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    const only = trackedWork('only', log);
    const result = inTurn(only.work);
    await settle();
    expect(log).toEqual(['only starts']);
    only.finish();
    await expect(result).resolves.toBe('only');
  });
});

/** A queue for work that must not overlap other work of its kind: each runs once every one asked before it settled. */

/** Runs `work` once every piece of work passed before it has settled (resolved or rejected); resolves to its result. */
export type InTurn = <T>(work: () => Promise<T>) => Promise<T>;

export function oneAtATime(): InTurn {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const turn = last.then(work, work);
    // A failed piece of work is its caller's to hear; the next one runs all the same.
    last = turn.catch(() => undefined);
    return turn;
  };
}

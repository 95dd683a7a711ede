/**
 * When fcose's force-directed pass ends. The pass (cose-base's CoSELayout) ends when its nodes' movement in a step
 * falls under a threshold, or after five steps a node. It cools as it goes, and on large sparse networks the movement
 * can stop falling once the cooling reaches its floor: the nodes jitter in place, a little more than the threshold
 * allows, and the pass runs on to its cap, or until two checks happen to find the same movement. Under Node, the
 * bench's 4,936 records with boxes the size of their labels (as where labels are drawn, see layoutRequestFor) reached
 * the floor by step 750 in a logged run; the movement then held between 4,073 and 4,926 (threshold 3,324) until the
 * cap at step 6,155, 90 s in all. Another run stopped at step 5,400, when two checks happened to match (58 of its
 * 73 s). Nothing one could see changed meanwhile (the same lengths of relations, the same overlaps of records, the
 * same picture). Ending at the floor, the layout took 23 to 24 s. So the pass also ends there, once a check finds the
 * movement no longer falling. (Without labels in the boxes, the same records settle under the threshold by step 700,
 * and nothing changes.)
 */

/** The part of cose-base's CoSELayout that decides when its pass has settled. */
export interface SpringPass {
  isConverged(): boolean;
  /** How strongly nodes still move: it falls over the pass down to `finalTemperature`, the floor. */
  coolingFactor: number;
  finalTemperature: number;
  /** How far all nodes moved in the last step. */
  totalDisplacement: number;
  /** Set once the pass proper is over and the pruned trees are put back (a phase cose-base ends on its own). */
  isTreeGrowing: boolean;
  isGrowthFinished: boolean;
}

/**
 * A check at the floor ends the pass unless the movement fell by at least this share below the lowest seen there
 * (at the floor in the runs above it went up or down by a few per cent from one check to the next, and a pass still
 * settling falls by more).
 */
export const SETTLED_GAIN = 0.02;

/**
 * Makes every pass of `CoSELayout` (cose-base's class, which fcose runs) end at the cooling floor once its movement
 * stops falling, as well as where cose-base ends it. Idempotent.
 */
export function endPassesWhenSettled(CoSELayout: { prototype: SpringPass }): void {
  const proto = CoSELayout.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const converged = proto.isConverged;
  /** The lowest movement seen at the floor, by pass. */
  const lowestAtFloor = new WeakMap<SpringPass, number>();
  proto.isConverged = function (this: SpringPass): boolean {
    if (converged.call(this)) return true;
    if (this.isTreeGrowing || this.isGrowthFinished) return false;
    if (this.coolingFactor > this.finalTemperature) {
      lowestAtFloor.delete(this);
      return false;
    }
    const lowest = lowestAtFloor.get(this) ?? Infinity;
    lowestAtFloor.set(this, Math.min(lowest, this.totalDisplacement));
    return this.totalDisplacement > lowest * (1 - SETTLED_GAIN);
  };
}

const patched = new WeakSet<object>();

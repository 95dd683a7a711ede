import { describe, expect, it } from 'vitest';
import { endPassesWhenSettled, SETTLED_GAIN, type SpringPass } from './layoutSettling';

/** A pass as cose-base keeps it, which by its own rule ends only when nodes move less than 100 in a step. */
class Pass implements SpringPass {
  coolingFactor = 1;
  finalTemperature = 0.04;
  totalDisplacement = 0;
  isTreeGrowing = false;
  isGrowthFinished = false;
  isConverged(): boolean {
    return this.totalDisplacement < 100;
  }
}
endPassesWhenSettled(Pass);

/** Runs checks on `pass` with these movements; returns at which check (counted from 0) it ended, or -1. */
function checksUntilEnd(pass: Pass, movements: number[]): number {
  return movements.findIndex((movement) => {
    pass.totalDisplacement = movement;
    return pass.isConverged();
  });
}

describe('ending a force-directed pass once it has settled', () => {
  it('does not end a pass that is still cooling, even when its movement stops falling', () => {
    const pass = new Pass();
    pass.coolingFactor = 0.3;
    expect(checksUntilEnd(pass, [5000, 5000, 5200, 5100, 5300])).toBe(-1);
  });

  it('at the cooling floor, ends at the first check that finds the movement no longer falling', () => {
    const pass = new Pass();
    pass.coolingFactor = pass.finalTemperature;
    // Falling by more than the gain at each check, then not.
    const falling = [8000, 7000, 6000, 5000];
    expect(checksUntilEnd(pass, [...falling, 5000 * (1 - SETTLED_GAIN / 2), 4000])).toBe(falling.length);
  });

  it('also ends when the movement rises again at the floor', () => {
    const pass = new Pass();
    pass.coolingFactor = pass.finalTemperature;
    expect(checksUntilEnd(pass, [4073, 4083])).toBe(1);
  });

  it('counts the lowest movement from when the floor is reached, in each pass on its own', () => {
    const first = new Pass();
    const second = new Pass();
    first.coolingFactor = 0.2;
    second.coolingFactor = first.finalTemperature;
    // Lower movement above the floor, or in another pass, does not count against this one.
    expect(checksUntilEnd(first, [300, 200])).toBe(-1);
    expect(checksUntilEnd(second, [150])).toBe(-1);
    first.coolingFactor = first.finalTemperature;
    expect(checksUntilEnd(first, [5000, 4000, 3000])).toBe(-1);
    expect(checksUntilEnd(first, [3000])).toBe(0);
  });

  it("leaves the trees' regrowth and what follows it to cose-base", () => {
    const growing = new Pass();
    growing.coolingFactor = growing.finalTemperature;
    growing.isTreeGrowing = true;
    expect(checksUntilEnd(growing, [5000, 5000, 5000])).toBe(-1);
    const grown = new Pass();
    grown.coolingFactor = grown.finalTemperature;
    grown.isGrowthFinished = true;
    expect(checksUntilEnd(grown, [5000, 5000, 50])).toBe(2);
  });

  it("keeps cose-base's own end", () => {
    const pass = new Pass();
    pass.coolingFactor = 0.5;
    expect(checksUntilEnd(pass, [900, 99])).toBe(1);
  });

  it('changes a class once, however often it is asked', () => {
    const once = Pass.prototype.isConverged;
    endPassesWhenSettled(Pass);
    expect(Pass.prototype.isConverged).toBe(once);
  });
});

import { describe, expect, it } from 'vitest';
import { BusyMark } from './busyMark';

/** A mark and what it told, in order. */
function watchedMark() {
  const told: boolean[] = [];
  return { mark: new BusyMark((busy) => told.push(busy)), told };
}

describe('the graph busy mark', () => {
  it('is busy while any work goes on, and tells only when that flips', async () => {
    const { mark, told } = watchedMark();
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    const first = mark.whileBusy(new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = mark.whileBusy(new Promise<void>((resolve) => (finishSecond = resolve)));
    expect(told).toEqual([true]);
    finishFirst();
    await first;
    expect(told).toEqual([true]);
    finishSecond();
    await second;
    expect(told).toEqual([true, false]);
  });

  it('stays busy while a load draws, after the work beside it ends', async () => {
    const { mark, told } = watchedMark();
    mark.setDrawing(true);
    await mark.whileBusy(Promise.resolve());
    expect(told).toEqual([true]);
    mark.setDrawing(false);
    expect(told).toEqual([true, false]);
  });

  it('is no longer busy for work that failed, and hands the failure on', async () => {
    const { mark, told } = watchedMark();
    await expect(mark.whileBusy(Promise.reject(new Error('layout failed')))).rejects.toThrow('layout failed');
    expect(told).toEqual([true, false]);
  });
});

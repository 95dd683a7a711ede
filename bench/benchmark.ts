/** What a benchmark suite reports, and the timing helpers every suite uses. */

/** One measured figure; `baseline` and `ratio` compare it with a straightforward approach measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** baseline / value for times (higher is better for us), value / baseline for throughputs. */
  ratio?: number;
  /** The goal the issue sets, in words, and whether this run met it. */
  goal?: string;
  met?: boolean;
}

/** A benchmark suite. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** The value at quantile q (0..1) of a list of samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** The median of a list of samples. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Milliseconds taken by `fn`, measured with the high-resolution clock. */
export function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Milliseconds taken by an async `fn`. */
export async function timeMsAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Rounds a figure for the table: three significant digits. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Number(value.toPrecision(3));
}

/** Every benchmark suite. Each capability adds its suite here. */
import type { BenchSuite } from '../benchmark';
import { storeSuite } from './store';

/** The suites `npm run bench` runs, in order. */
export const SUITES: BenchSuite[] = [storeSuite];

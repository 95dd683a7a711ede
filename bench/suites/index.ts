/** Every benchmark suite. Each capability adds its suite here. */
import type { BenchSuite } from '../benchmark';
import { planSuite } from './plan';
import { storeSuite } from './store';
import { importSuite } from './import';
import { insightsSuite } from './insights';
import { networkSuite } from './network';
import { searchSuite } from './search';

/** The suites `npm run bench` runs, in order. */
export const SUITES: BenchSuite[] = [storeSuite, planSuite, insightsSuite, importSuite, networkSuite, searchSuite];

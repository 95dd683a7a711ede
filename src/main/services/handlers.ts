/**
 * The whole contract's implementation, assembled from each capability's handlers. The type makes a missing
 * handler a compile error, so a new contract method cannot ship unwired.
 */
import type { ContractHandlers } from '../../shared/api';
import type { Atlas } from './atlas';
import { appHandlers } from './appService';
import { graphHandlers } from './graphService';
import { searchHandlers } from './searchService';
import { planHandlers } from './planService';
import { ioHandlers } from './ioService';
import { insightsHandlers } from './insightsService';
import { networkHandlers } from './networkService';

/** Every contract method's handler over one open Atlas. */
export function createHandlers(atlas: Atlas): ContractHandlers {
  return {
    ...appHandlers(atlas),
    ...graphHandlers(atlas),
    ...searchHandlers(atlas),
    ...planHandlers(atlas),
    ...ioHandlers(atlas),
    ...insightsHandlers(atlas),
    ...networkHandlers(atlas),
  };
}

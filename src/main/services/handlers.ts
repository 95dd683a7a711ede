/**
 * The whole contract's implementation, assembled from each capability's handlers. The type makes a missing
 * handler a compile error, so a new contract method cannot ship unwired.
 */
import type { ContractHandlers } from '../../shared/api';
import type { Atlas } from './atlas';
import { appHandlers } from './appService';
import { graphHandlers } from './graphService';

/** Every contract method's handler over one open Atlas. */
export function createHandlers(atlas: Atlas): ContractHandlers {
  return {
    ...appHandlers(atlas),
    ...graphHandlers(atlas),
  };
}

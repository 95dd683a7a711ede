/** Handlers of the insights capability's contract methods. */
import type { ContractHandlers } from '../../shared/api';
import type { insightsMethods } from '../../shared/api/methods/insightsMethods';
import type { Atlas } from './atlas';

/** The insights handlers. */
export function insightsHandlers(_atlas: Atlas): Pick<ContractHandlers, keyof typeof insightsMethods> {
  return {};
}

/** Handlers of the plan capability's contract methods. */
import type { ContractHandlers } from '../../shared/api';
import type { planMethods } from '../../shared/api/methods/planMethods';
import type { Atlas } from './atlas';

/** The plan handlers. */
export function planHandlers(_atlas: Atlas): Pick<ContractHandlers, keyof typeof planMethods> {
  return {};
}

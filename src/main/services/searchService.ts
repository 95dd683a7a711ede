/** Handlers of the search capability's contract methods. */
import type { ContractHandlers } from '../../shared/api';
import type { searchMethods } from '../../shared/api/methods/searchMethods';
import type { Atlas } from './atlas';

/** The search handlers. */
export function searchHandlers(_atlas: Atlas): Pick<ContractHandlers, keyof typeof searchMethods> {
  return {};
}

/** Handlers of the network capability's contract methods. */
import type { ContractHandlers } from '../../shared/api';
import type { networkMethods } from '../../shared/api/methods/networkMethods';
import type { Atlas } from './atlas';

/** The network handlers. */
export function networkHandlers(_atlas: Atlas): Pick<ContractHandlers, keyof typeof networkMethods> {
  return {};
}

/** Handlers of the io capability's contract methods. */
import type { ContractHandlers } from '../../shared/api';
import type { ioMethods } from '../../shared/api/methods/ioMethods';
import type { Atlas } from './atlas';

/** The io handlers. */
export function ioHandlers(_atlas: Atlas): Pick<ContractHandlers, keyof typeof ioMethods> {
  return {};
}

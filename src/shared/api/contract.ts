/**
 * The API contract: every method the app offers, with its input schema and result type. The services implement it
 * once; Electron IPC and the loopback HTTP bridge both carry it. Adding a method means one entry in a capability's
 * method map (under ./methods) and its handler in the matching service module; nothing else is wired by hand.
 */
import type { z } from 'zod';
import type { MethodSpec } from './defineMethod';
import type { ApiResult } from './errors';
import { appMethods } from './methods/appMethods';
import { graphMethods } from './methods/graphMethods';
import { searchMethods } from './methods/searchMethods';
import { planMethods } from './methods/planMethods';
import { ioMethods } from './methods/ioMethods';
import { insightsMethods } from './methods/insightsMethods';
import { networkMethods } from './methods/networkMethods';

/** Every method of the app, by name. */
export const contract = {
  ...appMethods,
  ...graphMethods,
  ...searchMethods,
  ...planMethods,
  ...ioMethods,
  ...insightsMethods,
  ...networkMethods,
};

/** The contract's type. */
export type Contract = typeof contract;
/** The name of a contract method, e.g. `app.info`. */
export type MethodName = keyof Contract;
/** What a caller sends to a method (fields with defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives once the input has passed its schema. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a method returns. */
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;
/** Every method name, in the contract's order. */
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** Whether a string names a contract method (an own key, so `toString` or `__proto__` never pass). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The implementation of the whole contract: one handler per method, given its parsed input. */
export type ContractHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** The typed client surface both transports give the renderer: one async function per method. */
export type AtlasApi = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<ApiResult<MethodResult<M>>>;
};

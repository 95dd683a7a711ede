/** The API contract, its error vocabulary and the dispatcher shared by every transport. */
export * from './errors';
export * from './defineMethod';
export * from './contract';
export * from './dispatch';
export * from './ipcChannel';
export type { AppInfo } from './methods/appMethods';
export type * from './methods/graphMethods';

/** Contract methods about the app itself. */
import { z } from 'zod';
import { method } from '../defineMethod';
import type { NodeKind } from '../../domain';

/** What `app.info` reports: the version, which database is open and how much it holds. */
export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  counts: {
    nodes: Record<NodeKind, number>;
    edges: number;
    /** Records of the fictional sample network (ids under `sample:`). */
    sample: number;
  };
  /** When the last backup was written (ISO timestamp), or null. */
  lastBackupAt: string | null;
}

/** Methods about the app itself. */
export const appMethods = {
  'app.ping': method(z.object({}).strict(), 'Answers pong: a liveness check for a transport.').returns<{
    pong: true;
  }>(),
  'app.info': method(
    z.object({}).strict(),
    'The app version, the open database and its record counts.',
  ).returns<AppInfo>(),
  'app.openExternal': method(
    z.object({ url: z.string().max(4096) }).strict(),
    'Opens a vetted https link in the system browser after the user confirms; desktop app only.',
  ).returns<{
    /** False when the user declined. */
    opened: boolean;
  }>(),
};

/**
 * Where the app keeps its files. The folder matches Electron's `app.getPath('userData')` for the product name
 * "Referral Atlas", so the app, the CLI and the bridge open the same database by default.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name that names the user-data folder. */
export const PRODUCT_NAME = 'Referral Atlas';
/** The database file name inside the user-data folder. */
export const DATABASE_FILE = 'atlas.sqlite';
/** The environment variable that overrides the default database path. */
export const DATABASE_ENV = 'REFERRAL_ATLAS_DB';

/** The OS user-data folder for the app, as Electron computes it. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** The database to open: `--db PATH` first, then `REFERRAL_ATLAS_DB`, then the user-data folder. */
export function resolveDatabasePath(
  explicit: string | undefined,
  env = process.env,
  platform = process.platform,
): string {
  if (explicit) return explicit;
  const fromEnv = env[DATABASE_ENV];
  if (fromEnv) return fromEnv;
  return join(userDataDir(platform, env), DATABASE_FILE);
}

/** The app's version, from package.json (bundled into the main process at build time). */
import packageJson from '../../package.json' with { type: 'json' };

/** The version string shown by `app.info` and the CLI. */
export const APP_VERSION: string = packageJson.version;

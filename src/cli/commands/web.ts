import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge } from '../../main/bridge/loopbackBridge';
import { UsageError, type CliCommand } from '../command';

/** `web`: serves the app to a browser through the loopback bridge until interrupted. */
export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serve the app on 127.0.0.1 (random port, per-run token) for a browser.',
  usage: 'web [--db PATH] [--port N] [--no-sample]',
  options: { port: { type: 'string' } },
  async run(context) {
    const rendererDir = join(context.projectRoot, 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new UsageError('The renderer is not built: run "npm run build" first (npm run web does it for you).');
    }
    const port = context.values.port === undefined ? 0 : Number(context.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number.');
    const bridge = await startBridge({ dispatch: await context.dispatch(), rendererDir, port });
    context.stdout(
      `Referral Atlas is served at ${bridge.url}\nDatabase: ${context.databasePath}\nPress Ctrl+C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await bridge.close();
  },
};

/**
 * Child process for the crash-safety test: opens the database and runs one large write transaction, saying
 * "midway" on stdout (synchronous on a pipe) halfway through, so the parent can SIGKILL it mid-transaction.
 */
import { openAtlas } from '../../src/main/services/atlas';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';
import { DATA_DIR } from './tempAtlas';

const [databasePath, actors = '3000'] = process.argv.slice(2);
const atlas = await openAtlas({
  databasePath: databasePath!,
  dataDir: DATA_DIR,
  version: 'crash',
  includeSample: false,
});
const network = generateNetwork({ actors: Number(actors), seed: 7, includeNeeds: false });
const half = Math.floor(network.nodes.length / 2);
atlas.store.write(
  'large write',
  (writer) => {
    network.nodes.forEach((node, index) => {
      writer.putNode(node);
      if (index === half) process.stdout.write('midway\n');
    });
    for (const edge of network.edges) writer.putEdge(edge);
  },
  { trusted: true },
);
process.stdout.write('committed\n');
atlas.close();

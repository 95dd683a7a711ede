/**
 * Test support: a large synthetic network written into an Atlas with every record at a saved position, as after a
 * coalition has laid out its map once (the network view's benchmark and its large-graph tests open it).
 */
import type { Atlas } from '../../src/main/services/atlas';
import { generateNetwork } from '../../src/shared/synthetic/generateNetwork';

/** Records per synthetic actor in generateNetwork's output without needs (measured: 4,063 for 1,000 actors). */
const RECORDS_PER_ACTOR = 4.04;

/**
 * Adds synthetic actors and their services until the Atlas holds about `records` records, then saves a position for
 * every record, spread evenly (a fixed pseudo-random sequence, so every run draws the same map). Returns the
 * positions, so a caller can take them away and put them back.
 */
export function writeSavedMap(atlas: Atlas, records: number): { nodeId: string; x: number; y: number }[] {
  const network = generateNetwork({
    actors: Math.round((records - atlas.store.index.nodeCount) / RECORDS_PER_ACTOR),
    seed: 7,
    includeNeeds: false,
  });
  atlas.store.write(
    'Synthetic network',
    (writer) => {
      for (const node of network.nodes) writer.putNode(node);
      for (const edge of network.edges) writer.putEdge(edge);
    },
    { trusted: true },
  );
  const side = Math.sqrt(atlas.store.index.nodeCount) * 90;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const positions = [...atlas.store.index.allNodes()].map((node) => ({
    nodeId: node.id,
    x: random() * side,
    y: random() * side,
  }));
  atlas.db.transaction(() => atlas.store.repository.savePositions(positions, true))();
  return positions;
}

/** Handlers of the `graph.*`, `history.*` and `backup.*` methods over the graph store. */
import {
  AtlasError,
  errorMessage,
  fieldIssue,
  type ContractHandlers,
  type GraphStats,
  type Relation,
} from '../../shared/api';
import { NODE_KINDS, type EdgeType, type NodeKind } from '../../shared/domain';
import type { GraphIndex } from '../../shared/graph/graphIndex';
import type { ChangeMessage } from '../../shared/i18n';
import { neighbourhood } from '../../shared/graph/neighbourhood';
import { nodeSummary } from '../../shared/graph/nodeSummary';
import { backupToFolder, listBackups } from '../db/backups';
import type { Atlas } from './atlas';

type GraphHandlers = Pick<
  ContractHandlers,
  | 'graph.get'
  | 'graph.neighbors'
  | 'graph.stats'
  | 'graph.createNode'
  | 'graph.updateNode'
  | 'graph.deleteNode'
  | 'graph.createEdge'
  | 'graph.deleteEdge'
  | 'history.state'
  | 'history.undo'
  | 'history.redo'
  | 'backup.create'
  | 'backup.list'
>;

/** Counts by kind, actor type, statute type and edge type. */
export function graphStats(atlas: Atlas): GraphStats {
  const nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as Record<NodeKind, number>;
  const actorTypes: Record<string, number> = {};
  const statuteTypes: Record<string, number> = {};
  const edges: GraphStats['edges'] = {};
  const index = atlas.store.index;
  for (const node of index.allNodes()) {
    nodes[node.kind]++;
    if (node.kind === 'actor') actorTypes[node.actorType] = (actorTypes[node.actorType] ?? 0) + 1;
    if (node.kind === 'statute') statuteTypes[node.statuteType] = (statuteTypes[node.statuteType] ?? 0) + 1;
  }
  for (const edge of index.allEdges()) edges[edge.type] = (edges[edge.type] ?? 0) + 1;
  return { nodes, actorTypes, statuteTypes, edges, totalNodes: index.nodeCount, totalEdges: index.edgeCount };
}

/** The `graph.*`, `history.*` and `backup.*` handlers. */
export function graphHandlers(atlas: Atlas): GraphHandlers {
  const { store } = atlas;
  const index = store.index;
  const mustExist = (id: string) => {
    const record = index.node(id);
    if (!record) throw new AtlasError('NOT_FOUND', errorMessage('error.noRecord', { id }));
    return record;
  };
  return {
    'graph.get': ({ id }) => {
      const record = mustExist(id);
      const relations: Relation[] = [];
      for (const edge of index.outEdges(id)) {
        const other = index.node(edge.to);
        if (other) relations.push({ edge, direction: 'out', other: nodeSummary(other) });
      }
      for (const edge of index.inEdges(id)) {
        const other = index.node(edge.from);
        if (other) relations.push({ edge, direction: 'in', other: nodeSummary(other) });
      }
      relations.sort((a, b) => a.edge.type.localeCompare(b.edge.type) || a.other.name.localeCompare(b.other.name));
      return { record, relations };
    },
    'graph.neighbors': ({ id, depth, edgeTypes, limit }) => {
      mustExist(id);
      const found = neighbourhood(index, id, depth, { edgeTypes, limit });
      return {
        nodes: found.nodeIds.map((nodeId) => nodeSummary(mustExist(nodeId))),
        edges: found.edges,
        truncated: found.truncated,
      };
    },
    'graph.stats': () => graphStats(atlas),
    'graph.createNode': ({ record }) => {
      if (index.hasNode(record.id)) throw new AtlasError('CONFLICT', errorMessage('error.idTaken', { id: record.id }));
      return store.write({ key: 'change.create', params: { name: record.name } }, (writer) => writer.putNode(record));
    },
    'graph.updateNode': ({ id, record }) => {
      const before = mustExist(id);
      if (record.id !== id) {
        throw new AtlasError('BAD_INPUT', errorMessage('error.idChanged', { id }), [
          fieldIssue('record.id', errorMessage('error.issue.mustBe', { value: id })),
        ]);
      }
      return store.write({ key: 'change.edit', params: { name: before.name } }, (writer) => writer.putNode(record));
    },
    'graph.deleteNode': ({ id }) => {
      const before = mustExist(id);
      const removedRelations = index.edgesOf(id).length;
      store.write({ key: 'change.delete', params: { name: before.name } }, (writer) => writer.removeNode(id));
      return { removedRelations };
    },
    'graph.createEdge': ({ edge }) =>
      store.write(relationMessage(index, 'change.relate', edge), (writer) => writer.putEdge(edge)),
    'graph.deleteEdge': ({ id }) => {
      const edge = index.edge(id);
      if (!edge) throw new AtlasError('NOT_FOUND', errorMessage('error.noRelation', { id }));
      store.write(relationMessage(index, 'change.unrelate', edge), (writer) => writer.removeEdge(id));
      return { removed: true };
    },
    'history.state': () => store.history(),
    'history.undo': () => {
      const undone = store.undo();
      return { ...store.history(), undone };
    },
    'history.redo': () => {
      const redone = store.redo();
      return { ...store.history(), redone };
    },
    'backup.create': () => backupToFolder(atlas.db, atlas.config.databasePath, 'manual', atlas.now()),
    'backup.list': () => listBackups(atlas.config.databasePath),
  };
}

/** A relation's change, naming its two records (their ids, for an end that does not exist: the write refuses it). */
function relationMessage(
  index: GraphIndex,
  key: 'change.relate' | 'change.unrelate',
  edge: { from: string; type: EdgeType; to: string },
): ChangeMessage {
  const name = (id: string) => index.node(id)?.name ?? id;
  return { key, params: { from: name(edge.from), type: { message: `network.edge.${edge.type}` }, to: name(edge.to) } };
}

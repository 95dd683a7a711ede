/** The short form of a record used in lists, search results and the graph. */
import type { NodeRecord } from '../domain';
import type { NodeSummary } from '../api/methods/graphMethods';

/** A record's id, kind, name, status and subtype (actor type or statute type). */
export function nodeSummary(record: NodeRecord): NodeSummary {
  const subtype = record.kind === 'actor' ? record.actorType : record.kind === 'statute' ? record.statuteType : null;
  return { id: record.id, kind: record.kind, name: record.name, status: record.status, subtype };
}

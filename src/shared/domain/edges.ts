/**
 * Relations between records. An edge has a type from the vocabulary, two ends, and a source like every record.
 */
import { z } from 'zod';
import { EDGE_TYPE_RULES, EDGE_TYPES, type EdgeType, type NodeKind } from './vocabulary';
import { recordIdSchema } from './records';
import type { NodeRecord } from './records';

/** A relation between two records. */
export const edgeRecordSchema = z
  .object({
    type: z.enum(EDGE_TYPES),
    from: recordIdSchema,
    to: recordIdSchema,
    source: z.string().trim().min(1, 'must cite where the relation comes from').max(2000),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .refine((edge) => edge.from !== edge.to, { message: 'must not point at its own start', path: ['to'] });
/** A relation between two records. */
export type EdgeRecord = z.infer<typeof edgeRecordSchema>;
/** A relation as written by hand or sent by a form. */
export type EdgeRecordInput = z.input<typeof edgeRecordSchema>;

/** The stable id of an edge: its ends and type; a symmetric edge's ends are put in sorted order first. */
export function edgeId(edge: Pick<EdgeRecord, 'type' | 'from' | 'to'>): string {
  const { from, to } = canonicalEnds(edge);
  return `${from}|${edge.type}|${to}`;
}

/** The type and ends encoded in an edge id, or null when the string is not an edge id. */
export function parseEdgeId(id: string): { from: string; type: EdgeType; to: string } | null {
  const parts = id.split('|');
  if (parts.length !== 3) return null;
  const [from = '', type = '', to = ''] = parts;
  if (!(EDGE_TYPES as readonly string[]).includes(type) || !from || !to) return null;
  return { from, type: type as EdgeType, to };
}

/** The ends of an edge in the order it is stored: sorted for a symmetric type, as given otherwise. */
export function canonicalEnds(edge: Pick<EdgeRecord, 'type' | 'from' | 'to'>): { from: string; to: string } {
  const rule = EDGE_TYPE_RULES[edge.type];
  if ('symmetric' in rule && rule.symmetric && edge.to < edge.from) return { from: edge.to, to: edge.from };
  return { from: edge.from, to: edge.to };
}

/** Why an edge may not join these two records, or null when it may. */
export function edgeEndpointProblem(
  type: EdgeType,
  from: Pick<NodeRecord, 'id' | 'kind'> & { actorType?: string },
  to: Pick<NodeRecord, 'id' | 'kind'> & { actorType?: string },
): string | null {
  const rule = EDGE_TYPE_RULES[type];
  const fromKinds: readonly NodeKind[] = rule.from;
  const toKinds: readonly NodeKind[] = rule.to;
  if (!fromKinds.includes(from.kind)) {
    return `a "${type}" relation must start at ${fromKinds.join(' or ')}, but ${from.id} is ${from.kind === 'actor' ? 'an' : 'a'} ${from.kind}`;
  }
  if (!toKinds.includes(to.kind)) {
    return `a "${type}" relation must end at ${toKinds.join(' or ')}, but ${to.id} is ${to.kind === 'actor' ? 'an' : 'a'} ${to.kind}`;
  }
  if ('toActorTypes' in rule && to.kind === 'actor') {
    const allowed: readonly string[] = rule.toActorTypes;
    if (!allowed.includes(to.actorType ?? '')) {
      return `a "${type}" relation must end at a ${allowed.join(' or ')}, but ${to.id} is ${to.actorType ?? 'untyped'}`;
    }
  }
  return null;
}

/**
 * Relations between records. An edge has a type from the vocabulary, two ends, and a source like every record.
 */
import { z } from 'zod';
import { validationEn as VALIDATION } from '../i18n/messages/validation';
import { EDGE_TYPE_RULES, EDGE_TYPES, type EdgeType, type NodeKind } from './vocabulary';
import { recordIdSchema } from './records';
import type { NodeRecord } from './records';

/** A relation between two records. */
export const edgeRecordSchema = z
  .object({
    type: z.enum(EDGE_TYPES),
    from: recordIdSchema,
    to: recordIdSchema,
    source: z.string().trim().min(1, VALIDATION['validation.relationSource']).max(2000),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .refine((edge) => edge.from !== edge.to, { message: VALIDATION['validation.selfRelation'], path: ['to'] });
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

/** An end of an edge that its type does not allow: which end, what it is, and what the type wants there. */
export interface EndpointMismatch {
  end: 'from' | 'to';
  /** The record at that end. */
  id: string;
  /** What the type asks of that end: a kind of record, or (for an actor) a type of actor. */
  wants: 'kind' | 'actorType';
  allowed: readonly string[];
  /** What the record is: its kind, or its actor type ('untyped' when it has none). */
  actual: string;
}

type EdgeEnd = Pick<NodeRecord, 'id' | 'kind'> & { actorType?: string };

/** Which end of an edge its type does not allow, or null when it may join these two records. */
export function endpointMismatch(type: EdgeType, from: EdgeEnd, to: EdgeEnd): EndpointMismatch | null {
  const rule = EDGE_TYPE_RULES[type];
  const fromKinds: readonly NodeKind[] = rule.from;
  const toKinds: readonly NodeKind[] = rule.to;
  if (!fromKinds.includes(from.kind)) {
    return { end: 'from', id: from.id, wants: 'kind', allowed: fromKinds, actual: from.kind };
  }
  if (!toKinds.includes(to.kind)) return { end: 'to', id: to.id, wants: 'kind', allowed: toKinds, actual: to.kind };
  if ('toActorTypes' in rule && to.kind === 'actor') {
    const allowed: readonly string[] = rule.toActorTypes;
    if (!allowed.includes(to.actorType ?? '')) {
      return { end: 'to', id: to.id, wants: 'actorType', allowed, actual: to.actorType ?? 'untyped' };
    }
  }
  return null;
}

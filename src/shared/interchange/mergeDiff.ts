/**
 * Re-import is a merge. Each incoming record is matched to an existing one by id, then (when the file's id is its
 * own invention) by fuzzy name within the same city. The diff says what would be added, what would change (field
 * by field) and what conflicts, before anything is written; the plan holds the validated records to write.
 */
import {
  endpointMismatch,
  edgeId,
  isProvider,
  nodeRecordSchema,
  type EdgeRecord,
  type NodeKind,
  type NodeRecord,
} from '../domain';
import { formatPath } from '../api/errors';
import type { GraphIndex } from '../graph/graphIndex';
import { endpointMismatchMessage } from '../i18n/relationMessages';
import { importIssue, keyedIssue, type ImportIssue, type IncomingRecord, type ParsedImport } from './importPlan';

/** One field that would change: its dotted path, and its value before and after (as JSON values). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A record that would be added or changed. */
export interface DiffEntry {
  id: string;
  kind: NodeKind;
  name: string;
  /** How it was matched to an existing record: by id, by name and city, or not at all (added). */
  matchedBy: 'id' | 'name-city' | null;
  /** The id in the file, when the match gave it another. */
  incomingId: string;
  changes: FieldChange[];
  file: string;
  row: number | null;
}

/** A record the merge will not apply by itself. */
export interface ConflictEntry {
  incomingId: string;
  name: string;
  reason: string;
  /** The existing records involved. */
  existingIds: string[];
  changes: FieldChange[];
  file: string;
  row: number | null;
}

/** What an import would do. */
export interface MergeDiff {
  added: DiffEntry[];
  changed: DiffEntry[];
  unchangedCount: number;
  conflicts: ConflictEntry[];
  edgesAdded: number;
  edgesUnchanged: number;
}

/** The diff plus what to write: records validated and relations with their ends resolved. */
export interface MergePlan {
  diff: MergeDiff;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  errors: ImportIssue[];
}

const STOP_WORDS = new Set([
  'the',
  'of',
  'and',
  'inc',
  'llc',
  'ltd',
  'co',
  'corp',
  'a',
  'an',
  'for',
  'de',
  'la',
  'el',
  'los',
  'las',
  'del',
  'y',
]);

/** A name reduced for comparison: lower case, no accents, no punctuation, no filler words. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !STOP_WORDS.has(word))
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Similarity of two normalised names (Sørensen–Dice over character bigrams): 1 is identical. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How similar two names must be to count as the same provider in the same city. */
export const NAME_MATCH_THRESHOLD = 0.85;

/**
 * The most two names of these lengths can share, as a Dice coefficient: a name of n characters has n + 1 bigrams,
 * and the shared count is at most the smaller. Most names in a city are too long or too short to match at all.
 */
function similarityBound(a: string, b: string): number {
  const x = a.length + 1;
  const y = b.length + 1;
  return (2 * Math.min(x, y)) / (x + y);
}

/** Whether two normalised names are similar enough to be one provider (the length bound first: it is exact). */
export function namesMatch(a: string, b: string): boolean {
  return similarityBound(a, b) >= NAME_MATCH_THRESHOLD && nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The fields that differ between two versions of a record, nested objects field by field. */
export function fieldChanges(before: object, after: object, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (stable(a) === stable(b)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b))
      changes.push(...fieldChanges(a, b, path));
    else changes.push({ field: path, before: a ?? null, after: b ?? null });
  }
  return changes;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The existing record with the file's fields laid over it. A file never clears what it does not carry: a nested
 * object (an address, eligibility) is merged field by field, so a public export (street and postal code of a
 * confidential address withheld) imported back into the database it came from keeps them.
 */
function mergeFields(existing: NodeRecord, fields: IncomingRecord['fields'], id: string): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...existing, ...fields, id };
  for (const [key, value] of Object.entries(fields)) {
    const before = (existing as Record<string, unknown>)[key];
    if (isPlainObject(value) && isPlainObject(before)) merged[key] = { ...before, ...value };
  }
  return merged;
}

function cityOf(record: NodeRecord): string {
  return isProvider(record) ? normaliseName(record.address?.city ?? '') : '';
}

/** Plans the merge of an import into the graph; reads the index only. */
export function planMerge(
  parsed: ParsedImport,
  index: GraphIndex,
  options: { replaceConflicts?: boolean } = {},
): MergePlan {
  const errors: ImportIssue[] = [];
  const diff: MergeDiff = {
    added: [],
    changed: [],
    unchangedCount: 0,
    conflicts: [],
    edgesAdded: 0,
    edgesUnchanged: 0,
  };
  const byCity = new Map<string, { id: string; kind: NodeKind; name: string }[]>();
  for (const node of index.allNodes()) {
    if (!isProvider(node)) continue;
    const key = cityOf(node);
    const list = byCity.get(key) ?? [];
    list.push({ id: node.id, kind: node.kind, name: normaliseName(node.name) });
    byCity.set(key, list);
  }
  // An import names the same few cities many times over.
  const cityKeys = new Map<string, string>();
  const cityKey = (city: string): string => {
    let key = cityKeys.get(city);
    if (key === undefined) cityKeys.set(city, (key = normaliseName(city)));
    return key;
  };
  const idMap = new Map<string, string>();
  const finals = new Map<string, NodeRecord>();
  const firstSeen = new Map<string, IncomingRecord>();

  for (const incoming of parsed.records) {
    const { fields, origin } = incoming;
    const where = { file: origin.file, row: origin.row, pointer: origin.pointer ?? null };
    const twin = firstSeen.get(fields.id);
    if (twin) {
      errors.push(
        twin.origin.row !== null
          ? importIssue(where, 'id', 'import.duplicateIdAtRow', { id: fields.id, row: twin.origin.row })
          : importIssue(where, 'id', 'import.duplicateIdAt', {
              id: fields.id,
              place: twin.origin.pointer ?? twin.origin.file,
            }),
      );
      continue;
    }
    firstSeen.set(fields.id, incoming);
    let existing = index.node(fields.id);
    let matchedBy: DiffEntry['matchedBy'] = existing ? 'id' : null;
    if (!existing && byCity.size > 0) {
      const sameCity = byCity.get(cityKey(incoming.city ?? '')) ?? [];
      const wanted = sameCity.length > 0 ? normaliseName(fields.name) : '';
      const candidates = sameCity.filter(
        (candidate) => candidate.kind === fields.kind && namesMatch(candidate.name, wanted),
      );
      if (candidates.length > 1) {
        diff.conflicts.push({
          incomingId: fields.id,
          name: fields.name,
          reason: 'matches several existing records by name and city',
          existingIds: candidates.map((c) => c.id),
          changes: [],
          ...where,
        });
        continue;
      }
      if (candidates.length === 1) {
        const candidate = candidates[0]!;
        if (!incoming.provisionalId) {
          diff.conflicts.push({
            incomingId: fields.id,
            name: fields.name,
            reason: `has the name and city of ${candidate.id} but another id`,
            existingIds: [candidate.id],
            changes: [],
            ...where,
          });
          continue;
        }
        existing = index.node(candidate.id);
        matchedBy = 'name-city';
      }
    }
    if (existing && existing.kind !== fields.kind) {
      errors.push(
        importIssue(where, 'kind', 'import.kindDiffers', {
          id: existing.id,
          kind: { message: `network.kind.${existing.kind}` },
          incoming: { message: `network.kind.${fields.kind}` },
        }),
      );
      continue;
    }
    const id = existing?.id ?? fields.id;
    idMap.set(fields.id, id);
    const candidate = existing ? mergeFields(existing, fields, id) : { ...incoming.defaults, ...fields };
    const result = nodeRecordSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = formatPath(issue.path) || '(record)';
        errors.push(
          issue.code === 'unrecognized_keys'
            ? importIssue(where, field, 'import.unknownFields', { fields: issue.keys.join(', ') })
            : { ...where, field, message: issue.message },
        );
      }
      continue;
    }
    const record = result.data;
    const entry: DiffEntry = {
      id,
      kind: record.kind,
      name: record.name,
      matchedBy,
      incomingId: fields.id,
      changes: [],
      file: origin.file,
      row: origin.row,
    };
    if (!existing) {
      diff.added.push(entry);
      finals.set(id, record);
      continue;
    }
    entry.changes = fieldChanges(existing, record);
    if (entry.changes.length === 0) {
      diff.unchangedCount++;
      continue;
    }
    const newer = existing.verifiedAt && record.verifiedAt && existing.verifiedAt > record.verifiedAt;
    if (newer && !options.replaceConflicts) {
      diff.conflicts.push({
        incomingId: fields.id,
        name: record.name,
        reason: `the database's copy was verified later (${existing.verifiedAt}) than the file's (${record.verifiedAt})`,
        existingIds: [existing.id],
        changes: entry.changes,
        ...where,
      });
      continue;
    }
    diff.changed.push(entry);
    finals.set(id, record);
  }

  const edges: EdgeRecord[] = [];
  const edgeIds = new Set<string>();
  for (const incoming of parsed.edges) {
    const where = { file: incoming.origin.file, row: incoming.origin.row, pointer: incoming.origin.pointer ?? null };
    const from = idMap.get(incoming.from) ?? incoming.from;
    const to = idMap.get(incoming.to) ?? incoming.to;
    const fromNode = finals.get(from) ?? index.node(from);
    const toNode = finals.get(to) ?? index.node(to);
    if (!fromNode || !toNode) {
      const missing = !fromNode ? incoming.from : incoming.to;
      // A relation of a record refused above is already reported through that record.
      if (firstSeen.has(missing)) continue;
      errors.push(importIssue(where, !fromNode ? 'From' : 'To', 'import.missingEnd', { id: missing }));
      continue;
    }
    const mismatch = endpointMismatch(incoming.type, fromNode, toNode);
    if (mismatch) {
      const name = mismatch.id === fromNode.id ? fromNode.name : toNode.name;
      errors.push(keyedIssue(where, 'Type', endpointMismatchMessage(incoming.type, mismatch, name)));
      continue;
    }
    const edge: EdgeRecord = { type: incoming.type, from, to, source: incoming.source, note: incoming.note };
    const id = edgeId(edge);
    if (edgeIds.has(id)) continue;
    edgeIds.add(id);
    if (index.edge(id)) {
      diff.edgesUnchanged++;
      continue;
    }
    diff.edgesAdded++;
    edges.push(edge);
  }
  return { diff, nodes: [...finals.values()], edges, errors };
}

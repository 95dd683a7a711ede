/**
 * The shipped knowledge base (data/seed) and the fictional sample network (data/sample), read from JSON and checked
 * record by record: a bad file is refused with its name, the row and the field.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { type z } from 'zod';
import { AtlasError, fieldIssues, describeIssues } from '../../shared/api';
import { edgeRecordSchema, nodeRecordSchema, type EdgeRecord, type NodeRecord } from '../../shared/domain';

/** The record files of a data set, in load order: nodes first, then edges. */
const NODE_FILES = ['needs.json', 'statutes.json', 'actors.json', 'services.json', 'recommendations.json'];
const EDGE_FILE = 'edges.json';

/** Records and relations read from one data folder. */
export interface DataSet {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/** Reads and validates a data set folder (`data/seed` or `data/sample`); files that are absent are skipped. */
export function readDataSet(folder: string): DataSet {
  const nodes: NodeRecord[] = [];
  for (const file of NODE_FILES) nodes.push(...readRecords(join(folder, file), nodeRecordSchema));
  const edges = readRecords(join(folder, EDGE_FILE), edgeRecordSchema);
  return { nodes, edges };
}

function readRecords<T>(path: string, schema: z.ZodType<T>): T[] {
  if (!existsSync(path)) return [];
  let rows: unknown;
  try {
    rows = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AtlasError('BAD_INPUT', `${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rows)) throw new AtlasError('BAD_INPUT', `${path}: must hold a JSON array of records`);
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issues = fieldIssues(parsed.error);
    const id = typeof (row as { id?: unknown })?.id === 'string' ? ` (${(row as { id: string }).id})` : '';
    throw new AtlasError('BAD_INPUT', `${path}, record ${index + 1}${id}: ${describeIssues(issues)}`, issues);
  });
}

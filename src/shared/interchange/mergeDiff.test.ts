import { describe, expect, it } from 'vitest';
import { actorSchema } from '../domain';
import { GraphIndex } from '../graph/graphIndex';
import { emptyImport, type IncomingRecord } from './importPlan';
import { NAME_MATCH_THRESHOLD, nameSimilarity, namesMatch, normaliseName, planMerge } from './mergeDiff';

const existing = actorSchema.parse({
  id: 'actor:casa',
  kind: 'actor',
  actorType: 'shelter',
  name: 'Casa Tres Lunas',
  source: 'test',
  verifiedAt: '2026-06-01',
  address: { city: 'El Monte' },
});
const index = new GraphIndex();
index.putNode(existing);

const incoming = (fields: Record<string, unknown>, city: string | null, provisionalId: boolean): IncomingRecord => ({
  fields: { kind: 'actor', ...fields } as IncomingRecord['fields'],
  city,
  provisionalId,
  defaults: { source: 'file', actorType: 'other' } as IncomingRecord['defaults'],
  origin: { file: 'f.csv', row: 2 },
});

describe('planMerge', () => {
  it('matches a provisional id by fuzzy name in the same city and lists the changed fields', () => {
    const parsed = emptyImport();
    parsed.records.push(
      incoming({ id: 'actor:hsds-1', name: 'Casa Tres Lunas, Inc.', description: 'New' }, 'El Monte', true),
    );
    const plan = planMerge(parsed, index);
    expect(plan.diff.changed).toHaveLength(1);
    expect(plan.diff.changed[0]).toMatchObject({
      id: 'actor:casa',
      matchedBy: 'name-city',
      incomingId: 'actor:hsds-1',
    });
    expect(plan.diff.changed[0]?.changes.map((change) => change.field)).toEqual(['name', 'description']);
  });

  it('does not match the same name in another city', () => {
    const parsed = emptyImport();
    parsed.records.push(incoming({ id: 'actor:hsds-2', name: 'Casa Tres Lunas' }, 'Fresno', true));
    expect(planMerge(parsed, index).diff.added).toHaveLength(1);
  });

  it('reports a name-and-city twin with another explicit id as a conflict, not a duplicate', () => {
    const parsed = emptyImport();
    parsed.records.push(incoming({ id: 'actor:other', name: 'Casa Tres Lunas' }, 'El Monte', false));
    const plan = planMerge(parsed, index);
    expect(plan.diff.conflicts[0]?.reason).toMatch(/name and city of actor:casa/);
    expect(plan.nodes).toEqual([]);
  });

  it('keeps the database copy when it was verified later than the file, unless told to replace it', () => {
    const parsed = emptyImport();
    parsed.records.push(
      incoming({ id: 'actor:casa', name: 'Casa Tres Lunas', verifiedAt: '2025-01-01' }, 'El Monte', false),
    );
    expect(planMerge(parsed, index).diff.conflicts[0]?.reason).toMatch(/verified later/);
    expect(planMerge(parsed, index, { replaceConflicts: true }).diff.changed).toHaveLength(1);
  });
});

describe('name matching', () => {
  it('ignores case, accents, punctuation and filler words', () => {
    expect(normaliseName('The Centro de Ayuda Méndez, Inc.')).toBe('centro ayuda mendez');
    expect(
      nameSimilarity(normaliseName('Harbor Light Legal Clinic'), normaliseName('Harbour Light Legal Clinic')),
    ).toBeGreaterThan(0.85);
    expect(
      nameSimilarity(normaliseName('Harbor Light Legal Clinic'), normaliseName('Harbor Health Center')),
    ).toBeLessThan(0.85);
  });

  it('skips names too far apart in length without ever missing a match the similarity itself would make', () => {
    // Names that differ by a few characters, by a word, or a lot, around the threshold.
    const stems = ['casa tres lunas', 'harbor light legal clinic', 'pacific law center', 'ana', 'st vincent shelter'];
    const edits = (name: string): string[] => [
      name,
      `${name}s`,
      `${name} la`,
      name.slice(1),
      name.slice(0, -2),
      `${name} of orange county`,
      name.replace(/a/g, 'e'),
      name.split(' ').reverse().join(' '),
    ];
    const names = stems.flatMap(edits);
    let matches = 0;
    let misses = 0;
    for (const a of names)
      for (const b of names) {
        const expected = nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
        expect(namesMatch(a, b), `${a} / ${b}`).toBe(expected);
        if (expected) matches++;
        else misses++;
      }
    // Both outcomes occur, so the comparison above tests something.
    expect(matches).toBeGreaterThan(names.length);
    expect(misses).toBeGreaterThan(names.length);
  });
});

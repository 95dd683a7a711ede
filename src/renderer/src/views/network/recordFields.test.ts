import { describe, expect, it } from 'vitest';
import { nodeRecordSchema, type NodeRecord } from '../../../../shared/domain';
import { fieldForIssue, formToRecord, recordToForm, suggestId } from './recordFields';

const shelter = nodeRecordSchema.parse({
  id: 'actor:test-shelter',
  kind: 'actor',
  actorType: 'shelter',
  name: 'Test Shelter',
  source: 'Test',
  address: { street: '1 Main St', city: 'Los Angeles' },
  phones: [{ number: '555-0100', label: 'intake' }],
  confidential: ['address.street'],
}) as NodeRecord;

describe('recordFields', () => {
  it('round-trips a record through the form unchanged', () => {
    const values = recordToForm('actor', shelter);
    const { record, unreadable } = formToRecord('actor', shelter.id, values, shelter);
    expect(unreadable).toEqual([]);
    expect(nodeRecordSchema.parse(record)).toEqual(shelter);
  });

  it('reads phones written as "number | label" lines', () => {
    const values = { ...recordToForm('actor', shelter), phones: '555-0101 | hotline\n555-0102' };
    const { record } = formToRecord('actor', shelter.id, values, shelter);
    expect(record.phones).toEqual([{ number: '555-0101', label: 'hotline' }, { number: '555-0102' }]);
  });

  it('reports malformed JSON on its own field instead of guessing', () => {
    const values = { ...recordToForm('actor', shelter), eligibility: '{ not json' };
    expect(formToRecord('actor', shelter.id, values, shelter).unreadable).toEqual([
      { path: 'eligibility', message: 'json' },
    ]);
  });

  it('starts a new record as active, and asks for a choice left empty that must be made', () => {
    const values = { ...recordToForm('actor', null), name: 'New Shelter', source: 'Test' };
    expect(values.status).toBe('active');
    expect(values.actorType).toBe('');
    expect(values.cost).toBe('');
    const { record, unreadable } = formToRecord('actor', 'actor:new-shelter', values, null);
    expect(unreadable).toEqual([{ path: 'actorType', message: 'choose' }]);
    expect(record.status).toBe('active');
    // An optional choice left empty is no choice, not a problem.
    expect(record.cost).toBeNull();
  });

  it('puts an issue on the field that holds it', () => {
    expect(fieldForIssue('actor', 'phones[0].number')).toBe('phones');
    expect(fieldForIssue('actor', 'address.street')).toBe('address.street');
    expect(fieldForIssue('actor', 'eligibility.maxAge')).toBe('eligibility');
    expect(fieldForIssue('actor', 'id')).toBe('id');
  });

  it('suggests an id from the name, without accents', () => {
    expect(suggestId('actor', 'Casa Esperanza – Área Norte')).toBe('actor:casa-esperanza-area-norte');
  });
});

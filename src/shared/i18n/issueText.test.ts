import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../api/errors';
import { edgeRecordSchema, nodeRecordSchema } from '../domain';
import { issueText } from './issueText';
import { validationEn, validationEs } from './messages/validation';
import { translate } from './translate';

const spanish = (message: string) => issueText(message, (key) => translate('es', key));

/** The messages of every field some broken records and a broken relation get wrong, by field. */
function messagesOfBrokenRecords(): Map<string, string[]> {
  const actor = nodeRecordSchema.safeParse({
    kind: 'actor',
    id: 'Not An Id',
    name: '  ',
    actorType: 'shelter',
    source: '',
    verifiedAt: '2026-02-30',
    regions: ['Los Angeles'],
    languages: ['Spanish'],
    email: 'no e-mail',
    phones: [{ number: 'call us' }],
    hours: [
      { day: 'mo', opens: '18:00', closes: '09:00' },
      { day: 'tu', opens: '9:00', closes: '17:00' },
    ],
    address: { country: 'USA' },
    eligibility: { minAge: 18, maxAge: 12 },
  });
  const undated = nodeRecordSchema.safeParse({
    kind: 'actor',
    id: 'actor:a',
    name: 'A',
    actorType: 'ngo',
    source: 'test',
    verifiedAt: 'yesterday',
  });
  const relation = edgeRecordSchema.safeParse({ type: 'partners_with', from: 'actor:a', to: 'actor:a', source: '' });
  const need = nodeRecordSchema.safeParse({
    kind: 'need',
    id: 'need:other',
    code: 'shelter',
    name: 'Shelter',
    nameEs: 'Refugio',
    source: 'test',
  });
  const messages = new Map<string, string[]>();
  for (const [what, parsed] of [
    ['actor', actor],
    ['undated', undated],
    ['relation', relation],
    ['need', need],
  ] as const) {
    expect(parsed.success, what).toBe(false);
    for (const issue of fieldIssues(parsed.error!)) {
      const field = `${what}.${issue.path}`;
      messages.set(field, [...(messages.get(field) ?? []), issue.message]);
    }
  }
  return messages;
}

describe('issueText', () => {
  it("gives each of the shared schemas' own messages in Spanish", () => {
    const messages = messagesOfBrokenRecords();
    const given = [...messages.values()].flat();
    const ours = Object.values(validationEn) as string[];
    // Every message of the list is one a schema gives, and each reads in Spanish.
    expect(ours.filter((message) => !given.includes(message))).toEqual([]);
    const spanishTexts = new Set(Object.values(validationEs));
    for (const message of ours) {
      expect(spanish(message)).not.toBe(message);
      expect(spanishTexts.has(spanish(message)), message).toBe(true);
    }
    expect(messages.get('actor.name')!.map(spanish)).toEqual(['no puede estar vacío']);
    expect(messages.get('relation.to')!.map(spanish)).toEqual(['no puede apuntar a su propio origen']);
  });

  it('leaves any other text as it is', () => {
    expect(spanish('Too big: expected string to have <=300 characters')).toBe(
      'Too big: expected string to have <=300 characters',
    );
    expect(issueText('must not be empty', (key) => translate('en', key))).toBe('must not be empty');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, nodeRecordSchema } from '../../shared/domain';
import { parseOptionsFor } from './zodLocale';

const tooLong = { kind: 'actor', id: 'actor:a', name: 'x'.repeat(MAX_NAME_LENGTH + 1), actorType: 'ngo', source: 's' };

describe('parseOptionsFor', () => {
  it("has zod give its own messages in Spanish, and leaves the schemas' own messages to issueText", () => {
    const spanish = nodeRecordSchema.safeParse(tooLong, parseOptionsFor('es'));
    const english = nodeRecordSchema.safeParse(tooLong, parseOptionsFor('en'));
    expect(english.error?.issues[0]?.message).toBe(`Too big: expected string to have <=${MAX_NAME_LENGTH} characters`);
    expect(spanish.error?.issues[0]?.message).toMatch(
      /^Demasiado grande: se esperaba que texto tuviera <=300 caracteres$/,
    );
    const empty = nodeRecordSchema.safeParse({ ...tooLong, name: '' }, parseOptionsFor('es'));
    expect(empty.error?.issues[0]?.message).toBe('must not be empty');
  });
});

import { describe, expect, it } from 'vitest';
import { caseCodeSchema, notePiiWarnings } from './savedPlan';

describe('caseCodeSchema', () => {
  it('accepts codes of letters, digits and dashes', () => {
    for (const code of ['LA-2026-014', 'case7', 'A1']) expect(caseCodeSchema.safeParse(code).success).toBe(true);
  });

  it('refuses what looks like a name, spaces, and codes over 40 characters', () => {
    for (const code of ['MariaLopez', 'Maria Lopez 1', 'x'.repeat(40) + '1', '-12', 'a--1']) {
      expect(caseCodeSchema.safeParse(code).success, code).toBe(false);
    }
  });
});

describe('notePiiWarnings', () => {
  it('warns on e-mails, phone numbers, dates and street addresses', () => {
    expect(notePiiWarnings('write to maria.l@example.com')).toHaveLength(1);
    expect(notePiiWarnings('call her on (213) 555-0199')[0]).toContain('phone number');
    expect(notePiiWarnings('born 03/14/1996')[0]).toContain('a date');
    expect(notePiiWarnings('nacida el 14 de marzo')[0]).toContain('a date');
    expect(notePiiWarnings('stays at 1427 Quiet Harbor Way')[0]).toContain('street address');
  });

  it('stays quiet on an ordinary follow-up note', () => {
    expect(notePiiWarnings('Intake done; shelter has 2 beds; follow up after the legal consult.')).toEqual([]);
  });
});

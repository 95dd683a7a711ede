import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, neutraliseFormula } from './formulaGuard';

describe('neutraliseFormula', () => {
  it.each([
    ['=', '=SUM(A1:A9)'],
    ['+', '+1 555 0100'],
    ['-', '-2+3'],
    ['@', '@cmd'],
    ['\t', '\t=1'],
    ['\r', '\r=1'],
  ])('prefixes a cell starting with %j', (trigger, cell) => {
    expect(FORMULA_TRIGGERS).toContain(trigger);
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['Safe text', '', ' =not first', "'already quoted", '555-0100'])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

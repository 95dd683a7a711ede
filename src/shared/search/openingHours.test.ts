import { describe, expect, it } from 'vitest';
import { isOpenAt } from './openingHours';

const weekdays = {
  open24x7: false,
  hours: [
    { day: 'mo' as const, opens: '09:00', closes: '17:00' },
    { day: 'su' as const, opens: '20:00', closes: '24:00' },
  ],
};

describe('isOpenAt', () => {
  it('is open within an interval of that weekday and closed outside it', () => {
    expect(isOpenAt(weekdays, new Date(2026, 10, 16, 9, 0))).toBe(true); // Monday 09:00
    expect(isOpenAt(weekdays, new Date(2026, 10, 16, 17, 0))).toBe(false); // closes at 17:00
    expect(isOpenAt(weekdays, new Date(2026, 10, 17, 10, 0))).toBe(false); // Tuesday
  });

  it('reads Sunday as the last day of the week and 24:00 as midnight', () => {
    expect(isOpenAt(weekdays, new Date(2026, 10, 22, 23, 59))).toBe(true);
  });

  it('is always open around the clock, and never with no hours', () => {
    expect(isOpenAt({ open24x7: true, hours: [] }, new Date(2026, 10, 17, 3, 0))).toBe(true);
    expect(isOpenAt({ open24x7: false, hours: [] }, new Date(2026, 10, 17, 3, 0))).toBe(false);
  });
});

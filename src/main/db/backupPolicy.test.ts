import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/i18n';
import {
  isDailyBackupDue,
  isoWeekKey,
  openFailureOffer,
  RETENTION,
  thinBackups,
  type DatedBackup,
} from './backupPolicy';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const DAY = 86_400_000;

/** One automatic backup a day (at 09:00 UTC) for `days` days back from NOW, newest first. */
function dailyBackups(days: number, reason = 'daily'): DatedBackup[] {
  return Array.from({ length: days }, (_, i) => ({ at: new Date(NOW.getTime() - i * DAY).toISOString(), reason }));
}

describe('isDailyBackupDue', () => {
  it('is due when there is no backup yet', () => expect(isDailyBackupDue(null, NOW)).toBe(true));
  it('is not due when the newest backup is less than a day old', () =>
    expect(isDailyBackupDue('2026-11-27T09:00:01.000Z', NOW)).toBe(false));
  it('is due when the newest backup is exactly a day old or older', () => {
    expect(isDailyBackupDue('2026-11-27T09:00:00.000Z', NOW)).toBe(true);
    expect(isDailyBackupDue('2026-10-01T00:00:00.000Z', NOW)).toBe(true);
  });
  it('is due when the newest backup claims a future time (a clock that was wrong)', () =>
    expect(isDailyBackupDue('2027-01-01T00:00:00.000Z', NOW)).toBe(true));
  it('is due when the date cannot be read', () => expect(isDailyBackupDue('garbage', NOW)).toBe(true));
});

describe('isoWeekKey', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'], // a Thursday
    ['2027-01-01T12:00:00Z', '2026-W53'], // a Friday belongs to the previous year's last week
    ['2024-12-30T12:00:00Z', '2025-W01'], // a Monday belongs to the next year's first week
    ['2026-11-29T23:59:59Z', '2026-W48'], // Sunday ends the week...
    ['2026-11-30T00:00:00Z', '2026-W49'], // ...and Monday starts the next
  ])('puts %s in %s', (at, week) => expect(isoWeekKey(new Date(at))).toBe(week));
});

describe('thinBackups', () => {
  it('keeps everything while there are fewer backups than the policy allows', () => {
    const backups = dailyBackups(5);
    expect(thinBackups(backups)).toEqual({ keep: backups, remove: [] });
  });

  it('after a year of daily backups keeps 7 daily, 4 weekly and 6 monthly ones (some shared), and no more', () => {
    const backups = dailyBackups(365);
    const { keep, remove } = thinBackups(backups);
    expect(keep.length + remove.length).toBe(365);
    const days = new Set(keep.map((b) => b.at.slice(0, 10)));
    // The last 7 days are all there.
    for (const backup of backups.slice(0, 7)) expect(days.has(backup.at.slice(0, 10))).toBe(true);
    // The newest of each of the last 4 ISO weeks and the last 6 months is there.
    const weeks = new Set(keep.map((b) => isoWeekKey(new Date(b.at))));
    for (const week of ['2026-W48', '2026-W47', '2026-W46', '2026-W45']) expect(weeks.has(week)).toBe(true);
    const months = new Set(keep.map((b) => b.at.slice(0, 7)));
    for (const month of ['2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06'])
      expect(months.has(month)).toBe(true);
    expect(months.has('2026-05')).toBe(false);
    expect(keep.length).toBeLessThanOrEqual(RETENTION.daily + RETENTION.weekly + RETENTION.monthly);
    // The kept month representative is that month's newest backup (the last day of a past month).
    expect(keep.some((b) => b.at.startsWith('2026-10-31'))).toBe(true);
    expect(keep.some((b) => b.at.startsWith('2026-10-30'))).toBe(false);
  });

  it('keeps only the newest of several backups taken on one day', () => {
    const morning = { at: '2026-11-20T08:00:00.000Z', reason: 'before-import' };
    const noon = { at: '2026-11-20T12:00:00.000Z', reason: 'before-import' };
    const evening = { at: '2026-11-20T18:00:00.000Z', reason: 'daily' };
    const { keep, remove } = thinBackups([morning, noon, evening], { daily: 7, weekly: 0, monthly: 0 });
    expect(keep).toEqual([evening]);
    expect(remove).toEqual([morning, noon]);
  });

  it('counts days that have a backup, not calendar days, so a long absence does not wipe the history', () => {
    const old = [
      { at: '2026-01-10T09:00:00.000Z', reason: 'daily' },
      { at: '2026-01-09T09:00:00.000Z', reason: 'daily' },
    ];
    expect(thinBackups(old, { daily: 7, weekly: 0, monthly: 0 }).remove).toEqual([]);
  });

  it('never removes a backup the user made, however old', () => {
    const manual = { at: '2020-01-01T00:00:00.000Z', reason: 'manual' };
    const { keep, remove } = thinBackups([...dailyBackups(400), manual]);
    expect(keep).toContain(manual);
    expect(remove).not.toContain(manual);
  });

  it('always keeps the newest automatic backup, even with a policy of zero', () => {
    const backups = dailyBackups(3);
    expect(thinBackups(backups, { daily: 0, weekly: 0, monthly: 0 }).keep).toEqual([backups[0]]);
  });

  it('thins a list given in any order the same way', () => {
    const backups = dailyBackups(60);
    const shuffled = [...backups].reverse();
    const a = thinBackups(backups)
      .keep.map((b) => b.at)
      .sort();
    const b = thinBackups(shuffled)
      .keep.map((x) => x.at)
      .sort();
    expect(b).toEqual(a);
  });
});

describe('openFailureOffer', () => {
  const backup = { path: '/data/atlas-backups/atlas-20261127T090000000Z-daily.sqlite', at: '2026-11-27T09:00:00.000Z' };

  it('offers the last good backup for a damaged database', () => {
    expect(openFailureOffer('damaged', backup)).toMatchObject({ action: 'restore', backup });
  });

  it('says there is nothing to restore when a damaged database has no good backup', () => {
    const offer = openFailureOffer('damaged', null);
    expect(offer.action).toBe('quit');
    expect(englishText(offer.detail)).toMatch(/no good backup/);
  });

  it('never offers a restore for a database from a newer version (it is whole; a restore would lose its data)', () => {
    const offer = openFailureOffer('newer-version', backup);
    expect(offer.action).toBe('quit');
    expect(englishText(offer.detail)).toMatch(/Update/);
  });

  it('never offers a restore for a file it may not read (permissions or a missing disk)', () => {
    const offer = openFailureOffer('unreadable', backup);
    expect(offer.action).toBe('quit');
    expect(englishText(offer.detail)).toMatch(/read and write/);
  });
});

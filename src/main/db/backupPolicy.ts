/**
 * When to take an automatic backup and which backups to keep: pure decisions over backup dates, so each rule has a
 * unit test and the file work in backups.ts stays small. Days, weeks and months are counted in UTC, so the same
 * folder thins the same way wherever the laptop travels.
 */
import type { KeyedMessage } from '../../shared/i18n';

/** How many of each kind of backup survive thinning: the newest backup of each of the last N days, weeks, months. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** The app's retention: 7 daily, 4 weekly and 6 monthly backups. */
export const RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 6 };

/** Backup reasons the app writes by itself, and so may thin; every other reason (e.g. `manual`) is the user's. */
export const AUTOMATIC_REASONS: readonly string[] = ['daily', 'before-import', 'before-migration'];

/** How old the newest backup may be before the start-up backup is due. */
export const DAILY_BACKUP_AGE_MS = 24 * 60 * 60 * 1000;

/** The part of a backup the policy reads. */
export interface DatedBackup {
  /** When it was taken (ISO timestamp). */
  at: string;
  reason: string;
}

/** Whether a start-up backup is due: there is none yet, or the newest is at least a day old (or from the future). */
export function isDailyBackupDue(newestAt: string | null, now: Date): boolean {
  if (newestAt === null) return true;
  const age = now.getTime() - Date.parse(newestAt);
  return Number.isNaN(age) || age >= DAILY_BACKUP_AGE_MS || age < 0;
}

/**
 * Splits backups into those to keep and those to delete. Of the automatic backups, the newest of each of the last
 * `daily` days that have one is kept, likewise the last `weekly` ISO weeks and `monthly` months (a backup may count
 * for several), and the newest of all is always kept. Backups the user made are never thinned.
 */
export function thinBackups<T extends DatedBackup>(
  backups: readonly T[],
  policy: RetentionPolicy = RETENTION,
): { keep: T[]; remove: T[] } {
  const automatic = backups
    .filter((backup) => AUTOMATIC_REASONS.includes(backup.reason))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const kept = new Set<T>(automatic.slice(0, 1));
  const buckets: [number, (date: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const backup of automatic) {
      if (seen.size >= count) break;
      const key = keyOf(new Date(backup.at));
      if (seen.has(key)) continue;
      seen.add(key);
      kept.add(backup);
    }
  }
  const keep = backups.filter((backup) => kept.has(backup) || !AUTOMATIC_REASONS.includes(backup.reason));
  const remove = backups.filter((backup) => !keep.includes(backup));
  return { keep, remove };
}

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The ISO-8601 week a date falls in, e.g. `2026-W05` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekKey(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** What the app found wrong with its database file when it could not open it. */
export type DatabaseProblem = 'damaged' | 'newer-version' | 'unreadable';

/** What to offer the user when the database will not open. */
export type OpenFailureOffer =
  | { action: 'restore'; backup: { path: string; at: string }; detail: KeyedMessage }
  | { action: 'quit'; detail: KeyedMessage };

/**
 * What to offer when the database will not open. Only a damaged file is worth replacing with a backup: a file from
 * a newer version is whole (restoring would throw away what that version wrote), and a file the app may not read
 * (permissions, a locked or missing disk) is not helped by a restore.
 */
export function openFailureOffer(
  problem: DatabaseProblem,
  lastGood: { path: string; at: string } | null,
): OpenFailureOffer {
  if (problem === 'newer-version') {
    return { action: 'quit', detail: { key: 'desktop.offer.newerVersion', params: {} } };
  }
  if (problem === 'unreadable') {
    return { action: 'quit', detail: { key: 'desktop.offer.unreadable', params: {} } };
  }
  if (!lastGood) {
    return { action: 'quit', detail: { key: 'desktop.offer.noBackup', params: {} } };
  }
  return { action: 'restore', backup: lastGood, detail: { key: 'desktop.offer.restore', params: { at: lastGood.at } } };
}

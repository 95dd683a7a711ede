/** Freshness: when a record was last verified and whether it is stale. */
import { STALE_AFTER_DAYS } from './vocabulary';

const DAY_MS = 86_400_000;

/** Whole days between a verified date (`YYYY-MM-DD`) and `today`, or null when never verified. */
export function daysSinceVerified(verifiedAt: string | null, today: Date): number | null {
  if (!verifiedAt) return null;
  return Math.floor((today.getTime() - Date.parse(`${verifiedAt}T00:00:00Z`)) / DAY_MS);
}

/** A record is stale when it was never verified or was last verified more than {@link STALE_AFTER_DAYS} ago. */
export function isStale(verifiedAt: string | null, today: Date): boolean {
  const days = daysSinceVerified(verifiedAt, today);
  return days === null || days > STALE_AFTER_DAYS;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

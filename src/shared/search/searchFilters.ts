/** Whether a record passes the filters of a search. */
import { isProvider, isStale, regionCovers, type NeedCode, type NodeRecord } from '../domain';
import { isOpenAt } from './openingHours';
import type { SearchFilters } from './searchTypes';

/** Whether no filter is set. */
export function hasNoFilter(filters: SearchFilters): boolean {
  return (
    !filters.kinds?.length &&
    !filters.actorTypes?.length &&
    !filters.needs?.length &&
    !filters.languages?.length &&
    !filters.region &&
    filters.openNow === undefined &&
    filters.status === undefined &&
    filters.stale === undefined
  );
}

/** Whether `record`, which meets `needs`, passes every filter set in `filters` at time `now`. */
export function passesFilters(
  record: NodeRecord,
  needs: readonly NeedCode[],
  filters: SearchFilters,
  now: Date,
): boolean {
  if (filters.kinds?.length && !filters.kinds.includes(record.kind)) return false;
  if (filters.actorTypes?.length && (record.kind !== 'actor' || !filters.actorTypes.includes(record.actorType)))
    return false;
  if (filters.status && record.status !== filters.status) return false;
  if (filters.stale !== undefined && isStale(record.verifiedAt, now) !== filters.stale) return false;
  if (filters.needs?.length && !filters.needs.some((need) => needs.includes(need))) return false;
  const provider = isProvider(record) ? record : null;
  if (filters.languages?.length && !filters.languages.some((code) => provider?.languages.includes(code))) return false;
  if (filters.region) {
    const wanted = filters.region;
    // Inside the region (the region matches everything under it), or serving an area that contains it.
    if (!provider?.regions.some((served) => regionCovers(wanted, served) || regionCovers(served, wanted))) return false;
  }
  if (filters.openNow === true && !(provider && isOpenAt(provider, now))) return false;
  if (filters.openNow === false && provider && isOpenAt(provider, now)) return false;
  return true;
}

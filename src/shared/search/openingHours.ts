/** Whether a provider is open at a given moment, read in the local time of the machine the app runs on. */
import { WEEKDAYS, type ProviderRecord } from '../domain';

/** Whether a provider is open at `at`: around the clock, or within one of its opening intervals for that weekday. */
export function isOpenAt(record: Pick<ProviderRecord, 'open24x7' | 'hours'>, at: Date): boolean {
  if (record.open24x7) return true;
  // Date.getDay() counts from Sunday; WEEKDAYS from Monday (ISO 8601).
  const day = WEEKDAYS[(at.getDay() + 6) % 7];
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return record.hours.some((hours) => hours.day === day && hours.opens <= time && time < hours.closes);
}

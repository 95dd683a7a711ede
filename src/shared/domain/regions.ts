/**
 * Regions: an ISO 3166 code with an optional path of smaller places, e.g. `US-CA/Los Angeles County/Long Beach`.
 * A record that serves a region serves every region under it.
 */

/** A region code: ISO 3166-1 alpha-2 or ISO 3166-2, optionally followed by `/`-separated place names. */
export type RegionCode = string;

const REGION_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?(\/[^/\s][^/]*[^/\s]|\/[^/\s])*$/;

/** Whether a string is a well-formed region code. */
export function isRegionCode(value: string): boolean {
  return REGION_PATTERN.test(value);
}

/** Splits a region into its levels: `US-CA/Los Angeles County` → `['US', 'US-CA', 'Los Angeles County']`. */
export function regionLevels(region: RegionCode): string[] {
  const [code = '', ...places] = region.split('/');
  const levels = code.includes('-') ? [code.split('-')[0] ?? code, code] : [code];
  return [...levels, ...places];
}

/** The region itself and every region above it, widest first: `US-CA/LA` → `['US', 'US-CA', 'US-CA/LA']`. */
export function regionAncestry(region: RegionCode): RegionCode[] {
  const [code = '', ...places] = region.split('/');
  const chain: RegionCode[] = [];
  if (code.includes('-')) chain.push(code.split('-')[0] ?? code);
  chain.push(code);
  let current = code;
  for (const place of places) {
    current = `${current}/${place}`;
    chain.push(current);
  }
  return chain;
}

/** The region one level up, or null for a country. */
export function parentRegion(region: RegionCode): RegionCode | null {
  const chain = regionAncestry(region);
  return chain.length > 1 ? (chain[chain.length - 2] ?? null) : null;
}

/** Whether `served` covers `wanted`: the same region or one above it (comparison ignores letter case of place names). */
export function regionCovers(served: RegionCode, wanted: RegionCode): boolean {
  const a = served.toLowerCase();
  const b = wanted.toLowerCase();
  if (a === b) return true;
  if (b.startsWith(`${a}/`)) return true;
  // A country covers its subdivisions: `US` covers `US-CA` and everything under it.
  return !a.includes('-') && !a.includes('/') && b.startsWith(`${a}-`);
}

/** Whether any of a record's served regions covers `wanted`. */
export function anyRegionCovers(served: readonly RegionCode[], wanted: RegionCode): boolean {
  return served.some((region) => regionCovers(region, wanted));
}

/** How many levels separate `served` from `wanted` when it covers it (0 = the same region), or null when it does not. */
export function regionDistance(served: RegionCode, wanted: RegionCode): number | null {
  if (!regionCovers(served, wanted)) return null;
  return regionAncestry(wanted).length - regionAncestry(served).length;
}

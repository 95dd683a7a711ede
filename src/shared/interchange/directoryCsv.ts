/** The directory as a spreadsheet: a row per service, every cell neutralised against formula injection. */
import type { DirectoryDetails, DirectoryModel } from './directoryModel';
import { neutraliseFormula } from './formulaGuard';

/** The columns of a CSV directory. */
export const DIRECTORY_CSV_COLUMNS = [
  'Service ID',
  'Service',
  'Provider',
  'Needs',
  'Description',
  'Street',
  'City',
  'State',
  'Postal code',
  'Country',
  'Phones',
  'Email',
  'Website',
  'Hours',
  'Languages',
  'Minimum age',
  'Maximum age',
  'Eligibility',
  'Cost',
  'Regions',
  'Last verified',
] as const;

function hours(details: DirectoryDetails): string {
  return details.open24x7 ? '24/7' : details.hours.map((h) => `${h.day} ${h.opens}-${h.closes}`).join(' | ');
}

/** The rows (header first) of a CSV directory; every cell already safe to open in a spreadsheet. */
export function directoryCsvRows(model: DirectoryModel): string[][] {
  const rows: string[][] = [[...DIRECTORY_CSV_COLUMNS]];
  for (const entry of model.entries) {
    for (const service of entry.services) {
      const address = service.address ?? entry.address;
      rows.push(
        [
          service.id,
          service.name,
          entry.name,
          service.needs.join(' | '),
          service.description,
          address?.street ?? '',
          address?.city ?? '',
          address?.region ?? '',
          address?.postalCode ?? '',
          address?.country ?? '',
          service.phones.map((p) => (p.label ? `${p.number} (${p.label})` : p.number)).join(' | '),
          service.email ?? '',
          service.url ?? '',
          hours(service),
          service.languages.join(' | '),
          service.eligibility.minAge?.toString() ?? '',
          service.eligibility.maxAge?.toString() ?? '',
          service.eligibility.notes,
          service.cost ?? '',
          service.regions.join(' | '),
          service.verifiedAt ?? '',
        ].map(neutraliseFormula),
      );
    }
  }
  return rows;
}

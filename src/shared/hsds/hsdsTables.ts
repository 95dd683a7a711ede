/**
 * HSDS as a Tabular Data Package: dereferenced services and organizations flattened into one table per object
 * type (ids as foreign keys), and tables assembled back into dereferenced objects. Table names are those of the
 * HSDS datapackage.json (`service`, `phone`, ...); the CSV files are named by its `path`s.
 */
import { importIssue, type ImportIssue, type ImportOrigin } from '../interchange/importPlan';
import type { HsdsObject } from './hsdsModel';

/** One table row: scalar cells by column name, plus where it came from when it was read from a file. */
export type HsdsRow = Record<string, string | number | boolean | undefined> & { readonly __origin?: ImportOrigin };
/** Rows by table name. */
export type HsdsTables = Record<string, HsdsRow[]>;

/** The tables Referral Atlas writes and reads, in the order they are written. */
export const HSDS_TABLES = [
  'organization',
  'organization_identifier',
  'service',
  'service_at_location',
  'location',
  'address',
  'phone',
  'schedule',
  'language',
  'service_area',
  'attribute',
  'taxonomy_term',
  'taxonomy',
] as const;
/** One of {@link HSDS_TABLES}. */
export type HsdsTableName = (typeof HSDS_TABLES)[number];

function scalars(object: HsdsObject, extra: Record<string, string> = {}): HsdsRow {
  const row: HsdsRow = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    row[key] = value as string | number | boolean;
  }
  return { ...row, ...extra };
}

/** Flattens dereferenced organizations and services into tables (each object once, however often it is embedded). */
export function hsdsToTables(organizations: HsdsObject[], services: HsdsObject[]): HsdsTables {
  const tables: HsdsTables = Object.fromEntries(HSDS_TABLES.map((name) => [name, []]));
  const seen = new Set<string>();
  const add = (table: HsdsTableName, object: HsdsObject, extra: Record<string, string> = {}): void => {
    const key = `${table}:${String(object.id)}`;
    if (seen.has(key)) return;
    seen.add(key);
    tables[table]!.push(scalars(object, extra));
  };
  const attributes = (owner: HsdsObject): void => {
    for (const attribute of (owner.attributes as HsdsObject[] | undefined) ?? []) {
      add('attribute', attribute);
      const term = attribute.taxonomy_term as HsdsObject | undefined;
      if (!term) continue;
      add('taxonomy_term', term);
      if (typeof term.taxonomy_id === 'string')
        add('taxonomy', {
          id: term.taxonomy_id,
          name: String(term.taxonomy),
          description: `Referral Atlas taxonomy ${String(term.taxonomy)}`,
        });
    }
  };
  const location = (loc: HsdsObject): void => {
    add('location', loc);
    for (const address of (loc.addresses as HsdsObject[] | undefined) ?? [])
      add('address', address, { location_id: String(loc.id) });
  };
  const organization = (org: HsdsObject): void => {
    add('organization', org);
    for (const identifier of (org.organization_identifiers as HsdsObject[] | undefined) ?? [])
      add('organization_identifier', identifier);
    for (const phone of (org.phones as HsdsObject[] | undefined) ?? []) add('phone', phone);
    for (const loc of (org.locations as HsdsObject[] | undefined) ?? []) location(loc);
    attributes(org);
  };
  for (const org of organizations) organization(org);
  for (const service of services) {
    if (service.organization) organization(service.organization as HsdsObject);
    add('service', service);
    for (const phone of (service.phones as HsdsObject[] | undefined) ?? []) add('phone', phone);
    for (const name of ['schedule', 'language', 'service_area'] as const) {
      const list = service[name === 'service_area' ? 'service_areas' : `${name}s`] as HsdsObject[] | undefined;
      for (const item of list ?? []) add(name, item);
    }
    for (const sal of (service.service_at_locations as HsdsObject[] | undefined) ?? []) {
      add('service_at_location', sal);
      if (sal.location) location(sal.location as HsdsObject);
    }
    attributes(service);
  }
  return tables;
}

/** Dereferenced services (each with its table row's origin) and the organizations no service refers to. */
export interface AssembledTables {
  services: { service: HsdsObject; origin: ImportOrigin }[];
  organizations: { organization: HsdsObject; origin: ImportOrigin }[];
  /** Broken references between tables, found while assembling. */
  issues: ImportIssue[];
}

function groupBy(rows: readonly HsdsRow[] | undefined, key: string): Map<string, HsdsRow[]> {
  const groups = new Map<string, HsdsRow[]>();
  for (const row of rows ?? []) {
    const value = row[key];
    if (typeof value !== 'string' || value === '') continue;
    const list = groups.get(value);
    if (list) list.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

const originOf = (row: HsdsRow, fallback: string): ImportOrigin => row.__origin ?? { file: fallback, row: null };
// Rows read from a file hold only their non-empty cells already (and an `__origin` that readers ignore), so they are
// used as the objects themselves: a 100k-service package allocates no second copy of every row.
const strip = (row: HsdsRow): HsdsObject => row as HsdsObject;

/** Assembles tables into dereferenced services and organizations; every dangling id is an issue naming its row. */
export function tablesToHsds(tables: HsdsTables): AssembledTables {
  const issues: ImportIssue[] = [];
  // The ids of the tables rows refer to (organizations, services, locations, terms), each collected once.
  const known = new Map<HsdsTableName, Set<string>>();
  const idsOf = (table: HsdsTableName): Set<string> => {
    let ids = known.get(table);
    if (!ids) known.set(table, (ids = new Set((tables[table] ?? []).map((row) => String(row.id)))));
    return ids;
  };
  const check = (table: HsdsTableName, column: string, target: HsdsTableName): void => {
    const ids = idsOf(target);
    for (const row of tables[table] ?? []) {
      const value = row[column];
      if (typeof value === 'string' && value !== '' && !ids.has(value)) {
        issues.push(importIssue(originOf(row, `${table}.csv`), column, 'import.hsds.danglingId', { target, value }));
      }
    }
  };
  check('service', 'organization_id', 'organization');
  check('service_at_location', 'service_id', 'service');
  check('service_at_location', 'location_id', 'location');
  check('address', 'location_id', 'location');
  check('phone', 'service_id', 'service');
  check('phone', 'organization_id', 'organization');
  check('schedule', 'service_id', 'service');
  check('language', 'service_id', 'service');
  check('service_area', 'service_id', 'service');
  check('attribute', 'taxonomy_term_id', 'taxonomy_term');
  check('organization_identifier', 'organization_id', 'organization');

  const terms = new Map((tables.taxonomy_term ?? []).map((row) => [String(row.id), strip(row)]));
  const attributesByLink = groupBy(tables.attribute, 'link_id');
  const withTerms = (id: string): HsdsObject[] =>
    (attributesByLink.get(id) ?? []).map((row) => {
      const attribute = strip(row);
      const term = terms.get(String(row.taxonomy_term_id));
      if (term) attribute.taxonomy_term = term;
      return attribute;
    });
  const addressesByLocation = groupBy(tables.address, 'location_id');
  const locations = new Map(
    (tables.location ?? []).map((row): [string, HsdsObject] => [
      String(row.id),
      { ...strip(row), addresses: (addressesByLocation.get(String(row.id)) ?? []).map(strip) },
    ]),
  );
  const phonesByService = groupBy(tables.phone, 'service_id');
  const phonesByOrganization = groupBy(tables.phone, 'organization_id');
  const locationsByOrganization = new Map<string, HsdsObject[]>();
  for (const loc of locations.values()) {
    const owner = loc.organization_id;
    if (typeof owner !== 'string') continue;
    const list = locationsByOrganization.get(owner) ?? [];
    list.push(loc);
    locationsByOrganization.set(owner, list);
  }
  const identifiersByOrganization = groupBy(tables.organization_identifier, 'organization_id');
  // A service's own location names its organization too, but it is not one of the organization's own locations.
  const serviceLocationIds = new Set((tables.service_at_location ?? []).map((row) => String(row.location_id)));
  const organizations = new Map(
    (tables.organization ?? []).map((row) => {
      const id = String(row.id);
      const organization: HsdsObject = {
        ...strip(row),
        phones: (phonesByOrganization.get(id) ?? []).filter((phone) => !phone.service_id).map(strip),
        locations: (locationsByOrganization.get(id) ?? []).filter((loc) => !serviceLocationIds.has(String(loc.id))),
        organization_identifiers: (identifiersByOrganization.get(id) ?? []).map(strip),
        attributes: withTerms(id),
      };
      return [id, { organization, origin: originOf(row, 'organizations.csv') }];
    }),
  );
  const schedulesByService = groupBy(tables.schedule, 'service_id');
  const languagesByService = groupBy(tables.language, 'service_id');
  const areasByService = groupBy(tables.service_area, 'service_id');
  const salsByService = groupBy(tables.service_at_location, 'service_id');
  const used = new Set<string>();
  const services = (tables.service ?? []).map((row) => {
    const id = String(row.id);
    const service: HsdsObject = {
      ...strip(row),
      phones: (phonesByService.get(id) ?? []).map(strip),
      schedules: (schedulesByService.get(id) ?? []).map(strip),
      languages: (languagesByService.get(id) ?? []).map(strip),
      service_areas: (areasByService.get(id) ?? []).map(strip),
      service_at_locations: (salsByService.get(id) ?? []).map((sal) => ({
        ...strip(sal),
        location: locations.get(String(sal.location_id)),
      })),
      attributes: withTerms(id),
    };
    const organizationId = typeof row.organization_id === 'string' ? row.organization_id : '';
    const organization = organizations.get(organizationId);
    if (organization) {
      service.organization = organization.organization;
      used.add(organizationId);
    }
    return { service, origin: originOf(row, 'services.csv') };
  });
  return {
    services,
    organizations: [...organizations.entries()].filter(([id]) => !used.has(id)).map(([, value]) => value),
    issues,
  };
}

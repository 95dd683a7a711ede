/**
 * HSDS 3 → Referral Atlas records. Reads services (with their organization, locations, phones, schedules,
 * languages, service areas and attributes), organizations (with nested services) and service_at_location objects.
 * Our own exports carry every field (the field attributes) and our record ids; anyone else's HSDS becomes records
 * with provisional ids (`service:hsds-<uuid>`) that the merge may match to existing records by name and city.
 * Whatever cannot be kept (a service area that is not a region code, a phone number with letters) is a warning
 * naming the object and field: partial success is never silent.
 */
import { NEED_CODES, WEEKDAYS, isRegionCode, type Eligibility, type OpeningHours, type Phone } from '../domain';
import type { MessageParam } from '../i18n/keyedMessage';
import {
  addCount,
  importIssue,
  type ImportMessageKey,
  type ImportOrigin,
  type IncomingRecord,
  type ParsedImport,
} from '../interchange/importPlan';
import { LEGAL_BASIS_EDGES } from './toHsds';
import { RECORD_ID_SCHEME, type HsdsAttribute, type HsdsObject, type HsdsTaxonomyTerm } from './hsdsModel';
import { ourTaxonomy } from './hsdsTaxonomy';

/** The state of one HSDS read: the result being filled, the file, and the ids seen so far. */
export interface HsdsReadContext {
  parsed: ParsedImport;
  file: string;
  /** Cited as the `source` of records that the file creates. */
  source: string;
  servicesSeen: Map<string, ImportOrigin>;
  organizationsSeen: Map<string, string>;
}

/** A fresh read context for one file. */
export function hsdsReadContext(parsed: ParsedImport, file: string): HsdsReadContext {
  return {
    parsed,
    file,
    source: `Open Referral HSDS file ${file}`,
    servicesSeen: new Map(),
    organizationsSeen: new Map(),
  };
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const arr = (value: unknown): HsdsObject[] =>
  Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as HsdsObject[]) : [];
const obj = (value: unknown): HsdsObject | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as HsdsObject) : undefined;

type Said = [key: ImportMessageKey, params?: Record<string, MessageParam>];
function warn(ctx: HsdsReadContext, origin: ImportOrigin, field: string, ...said: Said): void {
  ctx.parsed.warnings.push(importIssue(origin, field, ...said));
}
function fail(ctx: HsdsReadContext, origin: ImportOrigin, field: string, ...said: Said): void {
  ctx.parsed.errors.push(importIssue(origin, field, ...said));
}

/** The field attributes (our taxonomy) of an object, decoded from JSON, by field name. */
function fieldValues(ctx: HsdsReadContext, origin: ImportOrigin, attributes: HsdsAttribute[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  attributes.forEach((attribute, position) => {
    if (ourTaxonomy(attribute.taxonomy_term) !== 'fields' || !attribute.taxonomy_term?.code) return;
    try {
      values.set(attribute.taxonomy_term.code, JSON.parse(attribute.value ?? 'null'));
    } catch {
      fail(ctx, origin, `attributes[${position}].value`, 'import.hsds.badFieldJson', {
        field: attribute.taxonomy_term.code,
      });
    }
  });
  return values;
}

function phonesOf(ctx: HsdsReadContext, origin: ImportOrigin, items: HsdsObject[], path: string): Phone[] {
  const phones: Phone[] = [];
  items.forEach((item, position) => {
    const raw = str(item.number);
    if (!raw) return;
    const number = raw
      .replace(/^["']+|["']+$/g, '')
      .replace(/[^0-9+()./ -]/g, '')
      .trim();
    if (number !== raw) warn(ctx, origin, `${path}[${position}].number`, 'import.hsds.phoneKept', { raw, number });
    if (number.length < 3) return;
    const extension = typeof item.extension === 'number' ? ` ext. ${item.extension}` : '';
    const label = `${str(item.description) ?? ''}${extension}`.trim().slice(0, 300);
    phones.push(label ? { number, label } : { number });
  });
  return phones;
}

function hoursOf(ctx: HsdsReadContext, origin: ImportOrigin, schedules: HsdsObject[], path: string): OpeningHours[] {
  const hours: OpeningHours[] = [];
  schedules.forEach((schedule, position) => {
    const opens = str(schedule.opens_at)?.slice(0, 5);
    const closes = str(schedule.closes_at)?.slice(0, 5);
    const days = (str(schedule.byday) ?? '').split(',').map((day) => day.trim().toLowerCase());
    const weekly = (str(schedule.freq) ?? 'WEEKLY') === 'WEEKLY';
    const valid =
      weekly &&
      opens &&
      closes &&
      days.length > 0 &&
      days.every((day) => (WEEKDAYS as readonly string[]).includes(day));
    if (!valid) {
      warn(ctx, origin, `${path}[${position}]`, 'import.hsds.scheduleLeftOut');
      return;
    }
    for (const day of days) hours.push({ day: day as OpeningHours['day'], opens: opens!, closes: closes! });
  });
  return hours;
}

function languagesOf(ctx: HsdsReadContext, origin: ImportOrigin, items: HsdsObject[], path: string): string[] {
  const codes: string[] = [];
  items.forEach((item, position) => {
    const code = str(item.code)?.toLowerCase();
    if (code && /^[a-z]{2,3}$/.test(code)) {
      if (!codes.includes(code)) codes.push(code);
    } else warn(ctx, origin, `${path}[${position}].code`, 'import.hsds.notLanguage', { code: String(item.code ?? '') });
  });
  return codes;
}

function addressOf(location: HsdsObject | undefined): { address: Record<string, string> | null; city: string | null } {
  const addresses = arr(location?.addresses);
  const first = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
  if (!first) return { address: null, city: null };
  const address: Record<string, string> = {};
  const street = [str(first.address_1), str(first.address_2)].filter(Boolean).join(', ');
  if (street) address.street = street;
  if (str(first.city)) address.city = str(first.city)!;
  const region = str(first.state_province) ?? str(first.region);
  if (region) address.region = region;
  if (str(first.postal_code)) address.postalCode = str(first.postal_code)!;
  if (str(first.country)) address.country = str(first.country)!;
  return { address: Object.keys(address).length > 0 ? address : null, city: address.city ?? null };
}

function statusOf(value: unknown): 'active' | 'historical' {
  return value === 'inactive' || value === 'defunct' ? 'historical' : 'active';
}

function dateOf(ctx: HsdsReadContext, origin: ImportOrigin, value: unknown, field: string): string | null {
  const text = str(value);
  if (!text) return null;
  const date = text.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return date;
  warn(ctx, origin, field, 'import.hsds.notDate', { text });
  return null;
}

function age(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function eligibilityOf(
  native: { minAge: number | null; maxAge: number | null; notes: string },
  fields: Map<string, unknown>,
): Eligibility {
  const pick = <T>(key: string, fallback: T): T => (fields.has(key) ? (fields.get(key) as T) : fallback);
  return {
    minAge: pick('eligibility.minAge', native.minAge),
    maxAge: pick('eligibility.maxAge', native.maxAge),
    genders: pick('eligibility.genders', []),
    traffickingTypes: pick('eligibility.traffickingTypes', []),
    requiresDocuments: pick('eligibility.requiresDocuments', false),
    immigrationStatuses: pick('eligibility.immigrationStatuses', []),
    notes: pick('eligibility.notes', native.notes),
  };
}

/** The fields with no HSDS column, with their defaults: filled in for our own exports (which omit defaults). */
const EXTRA_DEFAULTS: Record<string, unknown> = {
  aliases: [],
  tags: [],
  open24x7: false,
  cost: null,
  capacity: null,
  detention: false,
  confidential: [],
};

function applyExtras(
  fields: Record<string, unknown>,
  values: Map<string, unknown>,
  ours: boolean,
  extraKeys: readonly string[],
): void {
  for (const key of extraKeys) {
    if (values.has(key)) fields[key] = values.get(key);
    else if (ours && key in EXTRA_DEFAULTS) fields[key] = EXTRA_DEFAULTS[key];
  }
}

/** Reads an HSDS organization; returns its record id (or null when it was refused). */
export function readHsdsOrganization(ctx: HsdsReadContext, org: HsdsObject, origin: ImportOrigin): string | null {
  const uuid = str(org.id);
  const name = str(org.name);
  if (!uuid || !name) {
    fail(ctx, origin, !uuid ? 'organization.id' : 'organization.name', 'import.hsds.required');
    return null;
  }
  const known = ctx.organizationsSeen.get(uuid);
  if (known) return known;
  addCount(ctx.parsed, 'organizations');
  const attributes = arr(org.attributes) as HsdsAttribute[];
  const values = fieldValues(ctx, origin, attributes);
  const identifier = arr(org.organization_identifiers).find((item) => item.identifier_scheme === RECORD_ID_SCHEME);
  const ourId =
    str(identifier?.identifier) ?? (typeof values.get('id') === 'string' ? (values.get('id') as string) : undefined);
  const id = ourId ?? `actor:hsds-${uuid.toLowerCase()}`;
  const locations = arr(org.locations);
  addCount(ctx.parsed, 'locations', locations.length);
  const { address, city } = addressOf(locations[0]);
  const phoneItems = arr(org.phones);
  addCount(ctx.parsed, 'phones', phoneItems.length);
  const fields: Record<string, unknown> = {
    id,
    kind: 'actor',
    name,
    description: str(org.description) ?? '',
    email: str(org.email) ?? null,
    url: str(org.website) ?? null,
    phones: phonesOf(ctx, origin, phoneItems, 'organization.phones'),
    address,
  };
  if (str(org.alternate_name) && !values.has('aliases')) fields.aliases = [str(org.alternate_name)];
  const ours = ourId !== undefined;
  if (values.has('actorType')) fields.actorType = values.get('actorType');
  applyExtras(fields, values, ours, [
    'aliases',
    'tags',
    'source',
    'status',
    'open24x7',
    'cost',
    'capacity',
    'detention',
    'confidential',
    'regions',
    'languages',
    'hours',
    'verifiedAt',
  ]);
  if (
    ours ||
    ['eligibility.minAge', 'eligibility.maxAge', 'eligibility.notes', 'eligibility.genders'].some((key) =>
      values.has(key),
    )
  ) {
    fields.eligibility = eligibilityOf({ minAge: null, maxAge: null, notes: '' }, values);
  }
  if (ours) {
    for (const key of ['regions', 'languages', 'hours']) if (!(key in fields)) fields[key] = [];
    if (!('verifiedAt' in fields)) fields.verifiedAt = null;
  }
  pushRecord(ctx, fields, city, !ours, origin, { actorType: 'other', source: ctx.source });
  ctx.organizationsSeen.set(uuid, id);
  for (const [position, service] of arr(org.services).entries()) {
    readHsdsService(ctx, service, { ...origin, pointer: `${origin.pointer ?? ''}.services[${position}]` }, id);
  }
  return id;
}

function pushRecord(
  ctx: HsdsReadContext,
  fields: Record<string, unknown>,
  city: string | null,
  provisionalId: boolean,
  origin: ImportOrigin,
  defaults: Record<string, unknown>,
): void {
  const record: IncomingRecord = {
    fields: fields as IncomingRecord['fields'],
    city,
    provisionalId,
    origin,
    defaults: defaults as IncomingRecord['defaults'],
  };
  ctx.parsed.records.push(record);
}

/** Reads an HSDS service (and its embedded organization); `organizationId` is the record id of an enclosing organization. */
export function readHsdsService(
  ctx: HsdsReadContext,
  service: HsdsObject,
  origin: ImportOrigin,
  organizationId: string | null = null,
  extraLocation?: HsdsObject,
): void {
  const uuid = str(service.id);
  const name = str(service.name);
  if (!uuid) return fail(ctx, origin, 'id', 'import.hsds.required');
  if (!name) return fail(ctx, origin, 'name', 'import.hsds.required');
  const previous = ctx.servicesSeen.get(uuid);
  if (previous !== undefined) {
    return previous.pointer
      ? fail(ctx, origin, 'id', 'import.hsds.duplicateService', { id: uuid, place: previous.pointer })
      : fail(ctx, origin, 'id', 'import.hsds.duplicateServiceAtRow', { id: uuid, row: previous.row ?? '?' });
  }
  ctx.servicesSeen.set(uuid, origin);
  addCount(ctx.parsed, 'services');
  const attributes = arr(service.attributes) as HsdsAttribute[];
  const values = fieldValues(ctx, origin, attributes);
  const ourId = typeof values.get('id') === 'string' ? (values.get('id') as string) : undefined;
  const id = ourId ?? `service:hsds-${uuid.toLowerCase()}`;
  const ours = ourId !== undefined;

  const embedded = obj(service.organization);
  const orgId = embedded
    ? readHsdsOrganization(ctx, embedded, { ...origin, pointer: `${origin.pointer ?? ''}.organization` })
    : organizationId;

  const sals = arr(service.service_at_locations);
  addCount(ctx.parsed, 'service_at_locations', sals.length);
  const location = extraLocation ?? obj(sals[0]?.location);
  if (location) addCount(ctx.parsed, 'locations');
  const { address, city } = addressOf(location);
  const phoneItems = [...arr(service.phones), ...sals.flatMap((sal) => arr(sal.phones))];
  const scheduleItems = [...arr(service.schedules), ...sals.flatMap((sal) => arr(sal.schedules))];
  const languageItems = arr(service.languages);
  const areas = arr(service.service_areas);
  addCount(ctx.parsed, 'phones', phoneItems.length);
  addCount(ctx.parsed, 'schedules', scheduleItems.length);
  addCount(ctx.parsed, 'languages', languageItems.length);
  addCount(ctx.parsed, 'service_areas', areas.length);
  addCount(ctx.parsed, 'attributes', attributes.length);

  const regions: string[] = [];
  areas.forEach((area, position) => {
    const region = str(area.name);
    if (region && isRegionCode(region)) regions.push(region);
    else warn(ctx, origin, `service_areas[${position}].name`, 'import.hsds.notRegion');
  });
  const fields: Record<string, unknown> = {
    id,
    kind: 'service',
    name,
    description: str(service.description) ?? '',
    url: str(service.url) ?? null,
    email: str(service.email) ?? null,
    status: statusOf(service.status),
    verifiedAt: dateOf(ctx, origin, service.assured_date, 'assured_date'),
    phones: phonesOf(ctx, origin, phoneItems, 'phones'),
    hours: hoursOf(ctx, origin, scheduleItems, 'schedules'),
    languages: languagesOf(ctx, origin, languageItems, 'languages'),
    regions,
    address,
    eligibility: eligibilityOf(
      {
        minAge: age(service.minimum_age),
        maxAge: age(service.maximum_age),
        notes: str(service.eligibility_description) ?? '',
      },
      values,
    ),
  };
  if (str(service.alternate_name) && !values.has('aliases')) fields.aliases = [str(service.alternate_name)];
  applyExtras(fields, values, ours, [
    'aliases',
    'tags',
    'source',
    'open24x7',
    'cost',
    'capacity',
    'detention',
    'confidential',
  ]);
  const foreignTags: string[] = [];
  attributes.forEach((attribute, position) => readServiceAttribute(ctx, origin, id, attribute, position, foreignTags));
  if (!ours && foreignTags.length > 0) fields.tags = foreignTags;
  pushRecord(ctx, fields, city, !ours, origin, { source: ctx.source });
  if (orgId) ctx.parsed.edges.push({ type: 'offers', from: orgId, to: id, source: ctx.source, note: '', origin });
}

function readServiceAttribute(
  ctx: HsdsReadContext,
  origin: ImportOrigin,
  serviceId: string,
  attribute: HsdsAttribute,
  position: number,
  tags: string[],
): void {
  const term: HsdsTaxonomyTerm | undefined = attribute.taxonomy_term;
  const which = ourTaxonomy(term);
  const field = `attributes[${position}]`;
  if (which === 'needs') {
    const code = term?.code ?? '';
    if ((NEED_CODES as readonly string[]).includes(code)) {
      ctx.parsed.edges.push({
        type: 'meets',
        from: serviceId,
        to: `need:${code}`,
        source: ctx.source,
        note: '',
        origin,
      });
    } else fail(ctx, origin, `${field}.taxonomy_term.code`, 'import.hsds.notNeed', { code });
  } else if (which === 'legal') {
    const type = attribute.link_type as (typeof LEGAL_BASIS_EDGES)[number];
    if (!(LEGAL_BASIS_EDGES as readonly string[]).includes(type)) {
      fail(ctx, origin, `${field}.link_type`, 'import.hsds.legalLinkType', { types: LEGAL_BASIS_EDGES.join(', ') });
      return;
    }
    ctx.parsed.edges.push({ type, from: serviceId, to: term?.code ?? '', source: ctx.source, note: '', origin });
  } else if (which === null && term?.name) {
    const tag = term.name.trim().slice(0, 60);
    if (tag && !tags.includes(tag) && tags.length < 50) tags.push(tag);
  }
}

/** Reads an HSDS service_at_location object: its service, with the location's address. */
export function readHsdsServiceAtLocation(ctx: HsdsReadContext, sal: HsdsObject, origin: ImportOrigin): void {
  const service = obj(sal.service);
  if (!service) return fail(ctx, origin, 'service', 'import.hsds.salNeedsService');
  addCount(ctx.parsed, 'service_at_locations');
  const merged: HsdsObject = {
    ...service,
    phones: [...arr(service.phones), ...arr(sal.phones)],
    schedules: [...arr(service.schedules), ...arr(sal.schedules)],
  };
  readHsdsService(ctx, merged, { ...origin, pointer: `${origin.pointer ?? ''}.service` }, null, obj(sal.location));
}

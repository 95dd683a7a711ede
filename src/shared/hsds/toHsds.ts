/**
 * Referral Atlas records → HSDS 3. A service becomes an HSDS service, dereferenced as the compiled service schema
 * describes: its organization (the actor that offers it), service_at_location with location and address, phones,
 * schedules, languages, service areas, and attributes linking it to our needs taxonomy, to the statutes it rests
 * on, and to the fields HSDS has no column for (so a round trip loses nothing). Records are redacted for the
 * audience before they are mapped.
 */
import type { Actor, ConfidentialField, ProviderRecord, Service } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { redactForAudience, type Audience } from './audience';
import { hsdsUuid } from './hsdsUuid';
import {
  LEGAL_BASIS_TAXONOMY,
  NEEDS_TAXONOMY,
  RECORD_ID_SCHEME,
  type HsdsAddress,
  type HsdsAttribute,
  type HsdsObject,
} from './hsdsModel';
import { fieldAttribute, taxonomyTerm, termAttribute } from './hsdsTaxonomy';

/** Fields of a service (and of an actor) that travel as field attributes; the rest have an HSDS column. */
export const SERVICE_FIELD_ATTRIBUTES = [
  'id',
  'aliases',
  'tags',
  'source',
  'open24x7',
  'eligibility.genders',
  'eligibility.traffickingTypes',
  'eligibility.requiresDocuments',
  'eligibility.immigrationStatuses',
  'cost',
  'capacity',
  'detention',
  'confidential',
] as const;
/** Fields of an actor that travel as field attributes (an HSDS organization has fewer columns than a service). */
export const ACTOR_FIELD_ATTRIBUTES = [
  ...SERVICE_FIELD_ATTRIBUTES,
  'actorType',
  'status',
  'regions',
  'languages',
  'hours',
  'verifiedAt',
  'eligibility.minAge',
  'eligibility.maxAge',
  'eligibility.notes',
] as const;
/** The relation types from a service to a statute that become legal-basis attributes. */
export const LEGAL_BASIS_EDGES = ['eligibility_under', 'established_by'] as const;

const ALWAYS_WRITTEN = new Set(['id', 'source', 'actorType']);

function readPath(record: object, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

function isDefault(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function fieldAttributes(
  record: ProviderRecord,
  linkId: string,
  entity: 'organization' | 'service',
  fields: readonly string[],
): HsdsAttribute[] {
  const attributes: HsdsAttribute[] = [];
  for (const field of fields) {
    const value = readPath(record, field);
    if (!ALWAYS_WRITTEN.has(field) && isDefault(value)) continue;
    attributes.push(fieldAttribute(linkId, entity, field, value));
  }
  return attributes;
}

function phones(record: ProviderRecord, owner: Record<string, string>): HsdsObject[] {
  return record.phones.map((phone, position) => {
    const out: HsdsObject = {
      id: hsdsUuid(`${record.id}#phone/${position}`),
      ...owner,
      number: phone.number,
      type: 'voice',
    };
    if (phone.label) out.description = phone.label;
    return out;
  });
}

function address(record: ProviderRecord, locationId: string): HsdsAddress | null {
  const a = record.address;
  if (!a) return null;
  return {
    id: hsdsUuid(`${record.id}#address`),
    location_id: locationId,
    address_1: a.street ?? '',
    city: a.city ?? '',
    state_province: a.region ?? '',
    postal_code: a.postalCode ?? '',
    country: a.country ?? '',
    address_type: 'physical',
  };
}

function location(record: ProviderRecord, organizationId: string | null): HsdsObject | null {
  const locationId = hsdsUuid(`${record.id}#location`);
  const addr = address(record, locationId);
  if (!addr) return null;
  const out: HsdsObject = { id: locationId, location_type: 'physical', name: record.name, addresses: [addr] };
  if (organizationId) out.organization_id = organizationId;
  return out;
}

/** An actor as an HSDS organization (without its services), redacted for the audience. */
export function actorToHsdsOrganization(input: Actor, audience: Audience): HsdsObject {
  const actor = redactForAudience(input, audience);
  const id = hsdsUuid(actor.id);
  const out: HsdsObject = { id, name: actor.name, description: actor.description };
  if (actor.aliases[0]) out.alternate_name = actor.aliases[0];
  if (actor.email) out.email = actor.email;
  if (actor.url) out.website = actor.url;
  out.phones = phones(actor, { organization_id: id });
  const loc = location(actor, id);
  out.locations = loc ? [loc] : [];
  out.organization_identifiers = [
    {
      id: hsdsUuid(`${actor.id}#identifier`),
      organization_id: id,
      identifier_scheme: RECORD_ID_SCHEME,
      identifier_type: 'record id',
      identifier: actor.id,
    },
  ];
  out.attributes = fieldAttributes(actor, id, 'organization', ACTOR_FIELD_ATTRIBUTES);
  return out;
}

/** What a service links to in the graph, as the HSDS mapping needs it. */
export interface ServiceLinks {
  organization: Actor | null;
  needCodes: { code: string; name: string; description: string }[];
  legalBases: { statuteId: string; name: string; citation: string; edgeType: (typeof LEGAL_BASIS_EDGES)[number] }[];
}

/** The offering actor, needs and legal bases of a service, read from the graph. */
export function serviceLinks(index: GraphIndex, serviceId: string): ServiceLinks {
  const offerers = index
    .inEdges(serviceId, 'offers')
    .map((edge) => index.node(edge.from))
    .filter((node): node is Actor => node?.kind === 'actor')
    .sort((a, b) => a.id.localeCompare(b.id));
  const needCodes = index
    .outEdges(serviceId, 'meets')
    .map((edge) => index.node(edge.to))
    .flatMap((node) =>
      node?.kind === 'need' ? [{ code: node.code, name: node.name, description: node.description }] : [],
    )
    .sort((a, b) => a.code.localeCompare(b.code));
  const legalBases: ServiceLinks['legalBases'] = [];
  for (const edgeType of LEGAL_BASIS_EDGES) {
    for (const edge of index.outEdges(serviceId, edgeType)) {
      const statute = index.node(edge.to);
      if (statute?.kind === 'statute')
        legalBases.push({ statuteId: statute.id, name: statute.name, citation: statute.citation, edgeType });
    }
  }
  legalBases.sort((a, b) => a.edgeType.localeCompare(b.edgeType) || a.statuteId.localeCompare(b.statuteId));
  return { organization: offerers[0] ?? null, needCodes, legalBases };
}

/** A service as a dereferenced HSDS service, redacted for the audience (an offering actor's secrets hide the service's too). */
export function serviceToHsds(input: Service, links: ServiceLinks, audience: Audience): HsdsObject {
  const inherited: readonly ConfidentialField[] = links.organization?.confidential ?? [];
  const service = redactForAudience(input, audience, inherited);
  const id = hsdsUuid(service.id);
  const organizationId = links.organization ? hsdsUuid(links.organization.id) : null;
  const out: HsdsObject = { id };
  if (organizationId) out.organization_id = organizationId;
  out.name = service.name;
  if (service.aliases[0]) out.alternate_name = service.aliases[0];
  out.description = service.description;
  if (service.url) out.url = service.url;
  if (service.email) out.email = service.email;
  out.status = service.status === 'active' ? 'active' : 'inactive';
  if (service.eligibility.notes) out.eligibility_description = service.eligibility.notes;
  if (service.eligibility.minAge !== null) out.minimum_age = service.eligibility.minAge;
  if (service.eligibility.maxAge !== null) out.maximum_age = service.eligibility.maxAge;
  if (service.verifiedAt) out.assured_date = service.verifiedAt;
  out.phones = phones(service, { service_id: id });
  out.schedules = service.hours.map((hours, position) => ({
    id: hsdsUuid(`${service.id}#schedule/${position}`),
    service_id: id,
    freq: 'WEEKLY',
    byday: hours.day.toUpperCase(),
    opens_at: hours.opens,
    closes_at: hours.closes,
  }));
  out.service_areas = service.regions.map((region) => ({
    id: hsdsUuid(`${service.id}#area/${region}`),
    service_id: id,
    name: region,
    extent_type: 'region code',
  }));
  const loc = location(service, organizationId);
  out.service_at_locations = loc
    ? [{ id: hsdsUuid(`${service.id}#service-at-location`), service_id: id, location_id: loc.id, location: loc }]
    : [];
  out.languages = service.languages.map((code) => ({
    id: hsdsUuid(`${service.id}#language/${code}`),
    service_id: id,
    code,
  }));
  if (links.organization) out.organization = actorToHsdsOrganization(links.organization, audience);
  const attributes: HsdsAttribute[] = [];
  for (const need of links.needCodes) {
    attributes.push(termAttribute(id, 'service', taxonomyTerm({ taxonomy: NEEDS_TAXONOMY, ...need }), 'meets'));
  }
  for (const basis of links.legalBases) {
    const term = taxonomyTerm({
      taxonomy: LEGAL_BASIS_TAXONOMY,
      code: basis.statuteId,
      name: basis.name,
      description: basis.citation,
    });
    attributes.push(termAttribute(id, 'service', term, basis.edgeType, basis.citation || undefined));
  }
  attributes.push(...fieldAttributes(service, id, 'service', SERVICE_FIELD_ATTRIBUTES));
  out.attributes = attributes;
  return out;
}

/**
 * The parts of the Open Referral HSDS 3 model that Referral Atlas writes and reads, and the names of our own
 * taxonomies. Field names are HSDS's own (snake_case); every object has a UUID `id`.
 */

/** An HSDS object as found in a file: named fields of any JSON value. */
export type HsdsObject = Record<string, unknown>;

/** The taxonomy of survivor needs: one term per need code, the same codes the planner uses. */
export const NEEDS_TAXONOMY = 'referral-atlas-needs';
/** The taxonomy of legal bases: one term per statute record, linked with the relation type as `link_type`. */
export const LEGAL_BASIS_TAXONOMY = 'referral-atlas-legal-bases';
/** The taxonomy of Referral Atlas fields that HSDS has no column for; the attribute `value` holds the field as JSON. */
export const FIELDS_TAXONOMY = 'referral-atlas-fields';
/** The `identifier_scheme` of an organization identifier holding the Referral Atlas record id. */
export const RECORD_ID_SCHEME = 'referral-atlas';

/** An HSDS phone. */
export interface HsdsPhone extends HsdsObject {
  id: string;
  number: string;
  description?: string;
  type?: string;
}

/** An HSDS address. */
export interface HsdsAddress extends HsdsObject {
  id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

/** An HSDS taxonomy term (our terms carry their taxonomy by name). */
export interface HsdsTaxonomyTerm extends HsdsObject {
  id: string;
  code?: string;
  name: string;
  description: string;
  taxonomy?: string;
}

/** An HSDS attribute: a link from an object to a taxonomy term, with an optional value. */
export interface HsdsAttribute extends HsdsObject {
  id: string;
  link_id?: string;
  taxonomy_term_id?: string;
  link_type?: string;
  link_entity?: string;
  value?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

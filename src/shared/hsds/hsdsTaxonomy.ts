/** Our taxonomy terms and attributes: needs, legal bases and the fields HSDS has no column for. */
import { hsdsUuid } from './hsdsUuid';
import {
  FIELDS_TAXONOMY,
  LEGAL_BASIS_TAXONOMY,
  NEEDS_TAXONOMY,
  type HsdsAttribute,
  type HsdsTaxonomyTerm,
} from './hsdsModel';

/** What a taxonomy term names. */
export interface TermSpec {
  taxonomy: string;
  code: string;
  name: string;
  description?: string;
}

/** The taxonomy term for a code of one of our taxonomies, with a stable id. */
export function taxonomyTerm(spec: TermSpec): HsdsTaxonomyTerm {
  return {
    id: hsdsUuid(`taxonomy-term:${spec.taxonomy}:${spec.code}`),
    code: spec.code,
    name: spec.name,
    description: spec.description ?? '',
    taxonomy: spec.taxonomy,
    taxonomy_id: hsdsUuid(`taxonomy:${spec.taxonomy}`),
  };
}

/** An attribute linking an object (`linkId`, an `organization` or a `service`) to a term. */
export function termAttribute(
  linkId: string,
  linkEntity: 'organization' | 'service',
  term: HsdsTaxonomyTerm,
  linkType: string,
  value?: string,
): HsdsAttribute {
  const attribute: HsdsAttribute = {
    id: hsdsUuid(`attribute:${linkId}:${term.id}:${linkType}`),
    link_id: linkId,
    taxonomy_term_id: term.id,
    link_type: linkType,
    link_entity: linkEntity,
    taxonomy_term: term,
  };
  if (value !== undefined) attribute.value = value;
  return attribute;
}

/** The attribute holding one Referral Atlas field as JSON. */
export function fieldAttribute(
  linkId: string,
  linkEntity: 'organization' | 'service',
  field: string,
  value: unknown,
): HsdsAttribute {
  const term = taxonomyTerm({
    taxonomy: FIELDS_TAXONOMY,
    code: field,
    name: field,
    description: `Referral Atlas field "${field}", as JSON`,
  });
  return termAttribute(linkId, linkEntity, term, 'field', JSON.stringify(value));
}

/** Which of our taxonomies a term belongs to, or null for anyone else's. */
export function ourTaxonomy(term: HsdsTaxonomyTerm | undefined): 'needs' | 'legal' | 'fields' | null {
  if (!term) return null;
  if (term.taxonomy === NEEDS_TAXONOMY) return 'needs';
  if (term.taxonomy === LEGAL_BASIS_TAXONOMY) return 'legal';
  if (term.taxonomy === FIELDS_TAXONOMY) return 'fields';
  return null;
}

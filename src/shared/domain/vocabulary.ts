/**
 * The closed vocabularies of the knowledge graph: node kinds, actor and statute types, edge types and need codes.
 * Every other module takes these terms from here, so a new term is added in exactly one place.
 */

/** A kind of node in the knowledge graph. */
export const NODE_KINDS = ['actor', 'service', 'statute', 'recommendation', 'need'] as const;
/** One of {@link NODE_KINDS}. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** What sort of organisation an actor is. */
export const ACTOR_TYPES = [
  'agency',
  'ngo',
  'shelter',
  'legal_provider',
  'health_provider',
  'hotline',
  'law_enforcement',
  'task_force',
  'international_body',
  'funder',
  'company',
  'other',
] as const;
/** One of {@link ACTOR_TYPES}. */
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What sort of legal instrument a statute record is. */
export const STATUTE_TYPES = ['act', 'treaty', 'protocol', 'visa', 'regulation', 'program'] as const;
/** One of {@link STATUTE_TYPES}. */
export type StatuteType = (typeof STATUTE_TYPES)[number];

/** Whether a record describes something that exists now or only in the past (renamed, replaced, closed). */
export const RECORD_STATUSES = ['active', 'historical'] as const;
/** One of {@link RECORD_STATUSES}. */
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** The needs a survivor may have; the planner, coverage and directories are all organised by these codes. */
export const NEED_CODES = [
  'safety',
  'shelter',
  'long_term_housing',
  'medical',
  'mental_health',
  'legal_aid',
  'immigration_relief',
  'restitution',
  'law_enforcement_report',
  'interpretation',
  'repatriation',
  'reintegration',
  'job_training',
  'microcredit',
  'education',
  'hotline',
  'child_services',
  'case_management',
  'victim_compensation',
  'benefits',
  'documentation',
] as const;
/** One of {@link NEED_CODES}. */
export type NeedCode = (typeof NEED_CODES)[number];

/** Forms of trafficking an eligibility rule can name. */
export const TRAFFICKING_TYPES = ['sex', 'labor'] as const;
/** One of {@link TRAFFICKING_TYPES}. */
export type TraffickingType = (typeof TRAFFICKING_TYPES)[number];

/** Immigration statuses a provider may accept and a client profile may state. */
export const IMMIGRATION_STATUSES = [
  'citizen',
  'lpr',
  'undocumented',
  't_visa',
  'u_visa',
  'continued_presence',
  'unknown',
] as const;
/** One of {@link IMMIGRATION_STATUSES}. */
export type ImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number];

/** Gender values used in eligibility rules and client profiles. */
export const GENDERS = ['female', 'male', 'nonbinary', 'other'] as const;
/** One of {@link GENDERS}. */
export type Gender = (typeof GENDERS)[number];

/** What a provider charges. */
export const COST_KINDS = ['free', 'sliding_scale', 'fee'] as const;
/** One of {@link COST_KINDS}. */
export type CostKind = (typeof COST_KINDS)[number];

/** A relation type with the node kinds allowed at each end; `actorTypes` narrows an actor end further. */
export interface EdgeTypeRule {
  readonly from: readonly NodeKind[];
  readonly to: readonly NodeKind[];
  /** When set, an actor at the `to` end must be one of these actor types. */
  readonly toActorTypes?: readonly ActorType[];
  /** A symmetric relation is stored once, with its two ends in a canonical order. */
  readonly symmetric?: boolean;
  /** A short English phrase for the relation, read from→to. */
  readonly phrase: string;
}

/** Every relation type of the graph, with the node kinds it may join. */
export const EDGE_TYPE_RULES = {
  offers: { from: ['actor'], to: ['service'], phrase: 'offers' },
  meets: { from: ['service'], to: ['need'], phrase: 'meets' },
  partners_with: { from: ['actor'], to: ['actor'], symmetric: true, phrase: 'partners with' },
  refers_to: { from: ['actor'], to: ['actor'], phrase: 'refers to' },
  funds: { from: ['actor'], to: ['actor', 'service'], phrase: 'funds' },
  part_of: { from: ['actor'], to: ['actor'], phrase: 'is part of' },
  member_of: { from: ['actor'], to: ['actor'], toActorTypes: ['task_force'], phrase: 'is a member of' },
  chairs: { from: ['actor'], to: ['actor'], toActorTypes: ['task_force'], phrase: 'chairs' },
  established_by: { from: ['actor', 'service'], to: ['statute'], phrase: 'was established by' },
  mandates: { from: ['statute'], to: ['actor'], phrase: 'mandates' },
  creates: { from: ['statute'], to: ['statute', 'service'], phrase: 'creates' },
  amends: { from: ['statute'], to: ['statute'], phrase: 'amends' },
  implements: { from: ['actor'], to: ['recommendation'], phrase: 'implements' },
  directed_at: { from: ['recommendation'], to: ['actor'], phrase: 'is directed at' },
  addresses: { from: ['recommendation'], to: ['need'], phrase: 'addresses' },
  cites: { from: ['recommendation'], to: ['statute'], phrase: 'cites' },
  successor_of: { from: ['actor'], to: ['actor'], phrase: 'is the successor of' },
  eligibility_under: { from: ['service', 'need'], to: ['statute'], phrase: 'has eligibility under' },
} as const satisfies Record<string, EdgeTypeRule>;

/** A relation type of the graph. */
export type EdgeType = keyof typeof EDGE_TYPE_RULES;
/** Every relation type, in a stable order. */
export const EDGE_TYPES = Object.keys(EDGE_TYPE_RULES) as [EdgeType, ...EdgeType[]];

/** Weekdays as used in opening hours, Monday first (ISO 8601 order). */
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Contact fields of a provider that can be marked confidential and so never leave the app in a public export. */
export const CONFIDENTIAL_FIELDS = [
  'address.street',
  'address.city',
  'address.postalCode',
  'phones',
  'email',
  'url',
  'capacity',
] as const;
/** One of {@link CONFIDENTIAL_FIELDS}. */
export type ConfidentialField = (typeof CONFIDENTIAL_FIELDS)[number];

/** How long after its verified date a record is shown as stale. */
export const STALE_AFTER_DAYS = 365;

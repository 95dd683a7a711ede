/**
 * A deterministic synthetic partner network for benchmarks and scale tests: actors with about three services each,
 * a heavy-tailed partnership degree distribution (preferential attachment), referrals, languages, regions across
 * U.S. states and counties, opening hours, eligibility, capacity and verified dates. Same options, same network.
 */
import {
  NEED_CODES,
  WEEKDAYS,
  type Actor,
  type ActorType,
  type EdgeRecord,
  type Need,
  type NeedCode,
  type NodeRecord,
  type OpeningHours,
  type Service,
} from '../domain';
import { seededRandom, type Random } from './random';

/** Options of {@link generateNetwork}. */
export interface SyntheticOptions {
  actors: number;
  seed: number;
  /** Include the 21 need records (for an empty store or an in-memory benchmark). Default true. */
  includeNeeds?: boolean;
  /** The date verified dates are spread back from (YYYY-MM-DD). Default 2026-11-01. */
  today?: string;
}

/** A generated network. */
export interface SyntheticNetwork {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

const SOURCE = 'Synthetic network (Referral Atlas generator)';
const STATES = ['CA', 'TX', 'NY', 'FL', 'IL', 'WA', 'GA', 'AZ', 'NV', 'OR', 'NJ', 'MA', 'CO', 'MI', 'NC', 'PA'];
const LANGUAGES = [
  'en',
  'es',
  'zh',
  'vi',
  'ko',
  'tl',
  'ar',
  'ru',
  'fr',
  'ht',
  'pt',
  'hi',
  'fa',
  'th',
  'km',
  'uk',
  'so',
  'am',
];
const LANGUAGE_WEIGHTS = [
  1, 0.55, 0.12, 0.1, 0.08, 0.08, 0.06, 0.06, 0.05, 0.05, 0.05, 0.04, 0.04, 0.03, 0.03, 0.03, 0.02, 0.02,
];
const PLACE_WORDS = [
  'Harbor',
  'Cedar',
  'Willow',
  'Summit',
  'Riverside',
  'Lakeview',
  'Maple',
  'Northgate',
  'Sunrise',
  'Meadow',
  'Granite',
  'Pioneer',
  'Beacon',
  'Crescent',
  'Prairie',
  'Canyon',
  'Bayside',
  'Redwood',
  'Orchard',
  'Magnolia',
  'Juniper',
  'Aspen',
  'Sequoia',
  'Hillcrest',
  'Fairview',
  'Brookside',
  'Evergreen',
  'Highland',
  'Seaside',
  'Valley',
];
const MISSION_WORDS = [
  'Hope',
  'Freedom',
  'Lantern',
  'Bridge',
  'Haven',
  'Compass',
  'Anchor',
  'Circle',
  'Pathways',
  'Horizon',
  'Refuge',
  'Unity',
  'Promise',
  'Harvest',
  'Shield',
  'Open Door',
  'New Day',
  'Safe Passage',
  'Kinship',
  'Tapestry',
];
const TYPE_NOUNS: Record<ActorType, readonly string[]> = {
  agency: ['County Department of Social Services', 'Office of Victim Services', 'Public Health Agency'],
  ngo: ['Community Alliance', 'Survivor Network', 'Family Center', 'Advocacy Project', 'Outreach Collective'],
  shelter: ['Safe House', 'Residence', 'Shelter', 'Transitional Home'],
  legal_provider: ['Legal Aid Society', 'Immigration Law Center', 'Workers’ Rights Clinic', 'Justice Project'],
  health_provider: ['Community Clinic', 'Health Center', 'Counseling Services', 'Medical Group'],
  hotline: ['Crisis Line', 'Helpline'],
  law_enforcement: ['Police Human Trafficking Unit', 'Sheriff’s Task Force Unit'],
  task_force: ['Anti-Trafficking Task Force', 'Human Trafficking Coalition'],
  international_body: ['International Office'],
  funder: ['Community Foundation', 'Fund for Survivors'],
  company: ['Staffing Partners'],
  other: ['Faith Partners'],
};
const ACTOR_TYPE_WEIGHTS: [ActorType, number][] = [
  ['ngo', 0.3],
  ['shelter', 0.16],
  ['legal_provider', 0.16],
  ['health_provider', 0.16],
  ['agency', 0.08],
  ['hotline', 0.03],
  ['law_enforcement', 0.04],
  ['task_force', 0.02],
  ['funder', 0.03],
  ['other', 0.02],
];
/** Which needs each actor type's services typically meet. */
const NEEDS_BY_TYPE: Record<ActorType, readonly NeedCode[]> = {
  ngo: [
    'case_management',
    'reintegration',
    'job_training',
    'education',
    'interpretation',
    'benefits',
    'microcredit',
    'repatriation',
    'documentation',
  ],
  shelter: ['shelter', 'safety', 'long_term_housing', 'case_management'],
  legal_provider: ['legal_aid', 'immigration_relief', 'restitution', 'victim_compensation', 'documentation'],
  health_provider: ['medical', 'mental_health'],
  agency: ['benefits', 'child_services', 'victim_compensation', 'case_management'],
  hotline: ['hotline', 'safety', 'interpretation'],
  law_enforcement: ['law_enforcement_report', 'safety'],
  task_force: ['case_management'],
  international_body: ['repatriation'],
  funder: ['microcredit'],
  company: ['job_training'],
  other: ['reintegration', 'education'],
};
const SERVICE_NAMES: Record<NeedCode, string> = {
  safety: 'Safety planning',
  shelter: 'Emergency shelter beds',
  long_term_housing: 'Transitional housing',
  medical: 'Primary and urgent care',
  mental_health: 'Trauma-informed counseling',
  legal_aid: 'Civil legal representation',
  immigration_relief: 'T and U visa applications',
  restitution: 'Restitution and wage claims',
  law_enforcement_report: 'Trafficking report intake',
  interpretation: 'Interpretation services',
  repatriation: 'Safe return assistance',
  reintegration: 'Reintegration support',
  job_training: 'Job training programme',
  microcredit: 'Small loans for survivors',
  education: 'Adult education classes',
  hotline: '24-hour crisis line',
  child_services: 'Child protective services',
  case_management: 'Comprehensive case management',
  victim_compensation: 'Victim compensation claims',
  benefits: 'Benefits enrollment',
  documentation: 'Identity document replacement',
};

function weighted<T>(random: Random, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return items[items.length - 1]![0];
}

function languagesFor(random: Random): string[] {
  const chosen = LANGUAGES.filter((_, i) => random.chance(LANGUAGE_WEIGHTS[i] ?? 0));
  return chosen.length > 0 ? chosen : ['en'];
}

function hoursFor(random: Random): { hours: OpeningHours[]; open24x7: boolean } {
  if (random.chance(0.1)) return { hours: [], open24x7: true };
  const opens = random.pick(['08:00', '08:30', '09:00', '10:00']);
  const closes = random.pick(['16:00', '17:00', '17:30', '19:00', '20:00']);
  const days = random.chance(0.3) ? WEEKDAYS.slice(0, 6) : WEEKDAYS.slice(0, 5);
  return { hours: days.map((day) => ({ day, opens, closes })), open24x7: false };
}

function isoDaysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function needRecord(code: NeedCode): Need {
  const name = code.replace(/_/g, ' ');
  return {
    id: `need:${code}`,
    kind: 'need',
    code,
    name: name[0]!.toUpperCase() + name.slice(1),
    nameEs: name,
    descriptionEs: '',
    aliases: [],
    description: '',
    tags: ['synthetic'],
    source: SOURCE,
    verifiedAt: null,
    status: 'active',
  };
}

/** Generates a synthetic network of `actors` actors. */
export function generateNetwork(options: SyntheticOptions): SyntheticNetwork {
  const random = seededRandom(options.seed);
  const today = options.today ?? '2026-11-01';
  const nodes: NodeRecord[] = options.includeNeeds === false ? [] : NEED_CODES.map(needRecord);
  const edges: EdgeRecord[] = [];
  const counties = Math.max(4, Math.round(Math.sqrt(options.actors) / 2));
  const actorIds: string[] = [];
  const actorRegions: string[] = [];
  const width = String(options.actors).length;

  for (let i = 0; i < options.actors; i++) {
    const actorType = weighted(random, ACTOR_TYPE_WEIGHTS);
    const state = random.pick(STATES);
    const county = `${random.pick(PLACE_WORDS)} County ${random.int(1, counties)}`;
    const region = random.chance(0.08) ? `US-${state}` : `US-${state}/${county}`;
    const number = String(i + 1).padStart(width, '0');
    const id = `actor:gen-${number}`;
    const name = `${random.pick(PLACE_WORDS)} ${random.pick(MISSION_WORDS)} ${random.pick(TYPE_NOUNS[actorType])} ${number}`;
    const languages = languagesFor(random);
    const { hours, open24x7 } = hoursFor(random);
    const minor = actorType === 'shelter' && random.chance(0.15);
    const verifiedAt = random.chance(0.9) ? isoDaysBefore(today, random.int(0, 900)) : null;
    const actor: Actor = {
      id,
      kind: 'actor',
      actorType,
      name,
      aliases: [],
      description: `A ${actorType.replace(/_/g, ' ')} serving ${region.replace(/^US-/, '')}.`,
      tags: ['synthetic'],
      source: SOURCE,
      verifiedAt,
      status: random.chance(0.02) ? 'historical' : 'active',
      regions: [region],
      address: { city: county.replace(/ County \d+$/, ''), region: state, country: 'US' },
      phones: [{ number: `(${random.int(200, 989)}) 555-${String(random.int(0, 9999)).padStart(4, '0')}` }],
      email: null,
      url: null,
      languages,
      hours,
      open24x7,
      eligibility: {
        minAge: minor ? 12 : random.chance(0.7) ? 18 : null,
        maxAge: minor ? 17 : null,
        genders: random.chance(0.15) ? ['female'] : [],
        traffickingTypes: random.chance(0.1) ? [random.pick(['sex', 'labor'] as const)] : [],
        requiresDocuments: random.chance(0.08),
        immigrationStatuses: [],
        notes: '',
      },
      cost: random.chance(0.85) ? 'free' : random.pick(['sliding_scale', 'fee'] as const),
      capacity:
        actorType === 'shelter' && random.chance(0.7)
          ? { available: random.int(0, 12), updatedAt: isoDaysBefore(today, random.int(0, 60)) }
          : null,
      detention: actorType === 'shelter' && random.chance(0.02),
      confidential: actorType === 'shelter' ? ['address.street'] : [],
    };
    nodes.push(actor);
    actorIds.push(id);
    actorRegions.push(region);

    const serviceCount = random.int(2, 4);
    const needsPool = NEEDS_BY_TYPE[actorType];
    for (let s = 0; s < serviceCount; s++) {
      const primary = needsPool[(s + random.int(0, needsPool.length - 1)) % needsPool.length]!;
      const serviceId = `service:gen-${number}-${s + 1}`;
      const { actorType: _actorType, ...providerFields } = actor;
      const service: Service = {
        ...providerFields,
        id: serviceId,
        kind: 'service',
        name: `${SERVICE_NAMES[primary]} at ${name}`,
        description: `${SERVICE_NAMES[primary]} offered by ${name}.`,
        languages: random.chance(0.8) ? languages : languagesFor(random),
      };
      nodes.push(service);
      edges.push({ type: 'offers', from: id, to: serviceId, source: SOURCE, note: '' });
      edges.push({ type: 'meets', from: serviceId, to: `need:${primary}`, source: SOURCE, note: '' });
      if (random.chance(0.3)) {
        const secondary = random.pick(needsPool);
        if (secondary !== primary)
          edges.push({ type: 'meets', from: serviceId, to: `need:${secondary}`, source: SOURCE, note: '' });
      }
    }
  }

  // Partnerships by preferential attachment within a state most of the time: a few hubs, many small partners.
  const attachment: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < actorIds.length; i++) {
    const links = i === 0 ? 0 : random.int(1, 3);
    for (let l = 0; l < links; l++) {
      const target = attachment.length > 0 && random.chance(0.8) ? random.pick(attachment) : random.int(0, i - 1);
      if (target === i) continue;
      const a = actorIds[i]!;
      const b = actorIds[target]!;
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [from, to] = a < b ? [a, b] : [b, a];
      edges.push({ type: 'partners_with', from, to, source: SOURCE, note: '' });
      attachment.push(i, target);
    }
    if (i > 0 && random.chance(0.5)) {
      const target = random.int(0, i - 1);
      edges.push({ type: 'refers_to', from: actorIds[i]!, to: actorIds[target]!, source: SOURCE, note: '' });
    }
  }
  return { nodes, edges: dedupe(edges) };
}

function dedupe(edges: EdgeRecord[]): EdgeRecord[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = `${edge.from}|${edge.type}|${edge.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

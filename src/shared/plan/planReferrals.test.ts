import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import type { GraphIndex } from '../graph/graphIndex';
import { clientProfileSchema, type ClientProfileInput } from './clientProfile';
import { NEED_URGENCY } from './needUrgency';
import { planReferrals, type PlanOptions } from './planReferrals';
import type { ProposedProvider, ReferralPlan } from './referralPlan';

const TODAY = new Date('2026-11-28T12:00:00Z');
const LA = 'US-CA/Los Angeles County';

/** The profile the sample network was designed for: a Spanish-speaking adult survivor of labour trafficking. */
const SURVIVOR: ClientProfileInput = {
  needs: ['shelter', 'medical', 'legal_aid', 'immigration_relief'],
  languages: ['es'],
  age: 'adult',
  gender: 'female',
  traffickingType: 'labor',
  immigrationStatus: 'undocumented',
  hasIdentityDocuments: false,
  region: LA,
  arrivalTime: '2026-12-01T14:00',
  startActorId: 'sample:threadline-survivor-network',
};

let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
let graph: GraphIndex;

beforeAll(async () => {
  atlas = await openTempAtlas();
  graph = atlas.store.index;
});
afterAll(() => atlas?.dispose());

function plan(profile: Partial<ClientProfileInput>, options: Partial<PlanOptions> = {}): ReferralPlan {
  return planReferrals(graph, clientProfileSchema.parse({ ...SURVIVOR, ...profile }), { today: TODAY, ...options });
}

/** Every provider a plan proposes: its steps and their alternatives. */
function proposals(result: ReferralPlan): ProposedProvider[] {
  return result.steps.flatMap((step) => [step, ...step.alternatives]);
}

function serviceIds(result: ReferralPlan): string[] {
  return proposals(result).map((proposal) => proposal.service.id);
}

describe('clientProfileSchema', () => {
  it('refuses unknown keys, naming each one', () => {
    const parsed = clientProfileSchema.safeParse({ ...SURVIVOR, name: 'Maria', birthDate: '1990-01-01' });
    expect(parsed.success).toBe(false);
    const keys = parsed.error!.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
    expect(keys).toEqual(['name', 'birthDate']);
  });

  it('fills the defaults: detention excluded, no other constraint', () => {
    const profile = clientProfileSchema.parse({ needs: ['shelter'], region: LA });
    expect(profile.constraints).toEqual({ noDetention: true, freeOnly: false, only24x7: false, maxHops: null });
    expect(profile.age).toBe('adult');
  });
});

describe('planReferrals on the sample network', () => {
  it('plans every need of the designed profile with Spanish-speaking providers in Los Angeles', () => {
    const result = plan({});
    expect(result.uncovered).toEqual([]);
    expect(result.steps.flatMap((step) => step.needs).sort()).toEqual([
      'immigration_relief',
      'legal_aid',
      'medical',
      'shelter',
    ]);
    for (const step of result.steps) {
      expect(step.reasons.join(' ')).toContain('Speaks Spanish');
      expect(step.reasons[0]).toMatch(/^Meets /);
    }
  });

  it('orders steps by urgency: safety, shelter and medical first, then legal and immigration, then longer-term', () => {
    const result = plan({ needs: ['job_training', 'immigration_relief', 'medical', 'legal_aid', 'shelter', 'safety'] });
    const order = result.steps.map((step) => step.need);
    expect(order[0]).toBe('safety');
    expect(order.slice(-3)).toEqual(['legal_aid', 'immigration_relief', 'job_training']);
    const tiers = order.map((need) => NEED_URGENCY[need]);
    expect([...tiers].sort()).toEqual(tiers);
    expect(result.steps.flatMap((step) => step.needs).sort()).toEqual([
      'immigration_relief',
      'job_training',
      'legal_aid',
      'medical',
      'safety',
      'shelter',
    ]);
  });

  it('covers several needs in one step when one service meets them all', () => {
    const result = plan({ needs: ['shelter', 'safety'] });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]!.needs).toEqual(['safety', 'shelter']);
    expect(result.steps[0]!.reasons[0]).toBe('Meets Safety and Emergency shelter.');
  });

  it('lists up to three alternatives from other organisations, best first, each with reasons', () => {
    for (const step of plan({}).steps) {
      expect(step.alternatives.length).toBeGreaterThan(0);
      expect(step.alternatives.length).toBeLessThanOrEqual(3);
      const actors = step.alternatives.map((alternative) => alternative.actor.id);
      expect(new Set(actors).size).toBe(actors.length);
      expect(actors).not.toContain(step.actor.id);
      const scores = step.alternatives.map((alternative) => alternative.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(scores[0]!).toBeLessThanOrEqual(step.score);
      for (const alternative of step.alternatives) expect(alternative.reasons.length).toBeGreaterThan(0);
    }
  });

  it('follows partnerships from the starting organisation, one hop to a direct partner', () => {
    const result = plan({ startActorId: 'sample:marigold-gate-residence', needs: ['immigration_relief'] });
    const step = result.steps[0]!;
    expect(step.path).toEqual(['sample:marigold-gate-residence', 'sample:eastside-lumen-legal-collective']);
    expect(step.reasons).toContain('Partners directly with Marigold Gate Residence.');
    for (const proposal of proposals(result)) {
      if (proposal.pathCost === null) {
        expect(proposal.warnings).toContain(
          'No known partnership or referral path from Marigold Gate Residence: contact it directly.',
        );
        continue;
      }
      expect(proposal.path[0]).toBe('sample:marigold-gate-residence');
      for (let i = 1; i < proposal.path.length; i++) {
        const [a, b] = [proposal.path[i - 1]!, proposal.path[i]!];
        const linked =
          graph.neighbours(a, 'partners_with', 'both').includes(b) ||
          graph.neighbours(a, 'refers_to', 'out').includes(b);
        expect(linked, `${a} → ${b}`).toBe(true);
      }
    }
  });

  it('finds a path of two partnerships when there is no direct one', () => {
    const result = plan({ startActorId: 'sample:daybreak-worker-rights-line', needs: ['shelter'] });
    const viaPartners = proposals(result).find((proposal) => proposal.path.length === 3);
    expect(viaPartners).toBeDefined();
    expect(viaPartners!.reasons.some((reason) => reason.includes('in 2 referral hops'))).toBe(true);
  });

  it('gives the legal basis of immigration relief: the T visa, then the TVPA 2000 that created it', () => {
    const result = plan(
      { needs: ['immigration_relief'] },
      {
        choices: [{ need: 'immigration_relief', serviceId: 'sample:svc-tejedora-t-visa' }],
      },
    );
    const basis = result.steps[0]!.legalBasis;
    expect(result.steps[0]!.service.id).toBe('sample:svc-tejedora-t-visa');
    expect(basis.map((statute) => statute.id)).toEqual(['statute:t-visa', 'statute:tvpa-2000']);
    expect(basis[0]!.citation).toContain('8 U.S.C. 1101(a)(15)(T)');
  });

  it('honours a swapped-in alternative, and keeps the displaced provider among the alternatives', () => {
    const first = plan({ needs: ['shelter'] });
    const swapTo = first.steps[0]!.alternatives[0]!;
    const swapped = plan({ needs: ['shelter'] }, { choices: [{ need: 'shelter', serviceId: swapTo.service.id }] });
    expect(swapped.steps[0]!.service.id).toBe(swapTo.service.id);
    expect(swapped.steps[0]!.alternatives.map((a) => a.service.id)).toContain(first.steps[0]!.service.id);
  });

  it('is deterministic: same input, same plan, whatever the order of the needs', () => {
    const a = plan({});
    const b = plan({});
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const shuffled = plan({ needs: ['immigration_relief', 'legal_aid', 'medical', 'shelter'] });
    expect(shuffled.steps).toEqual(a.steps);
  });

  it('writes its sentences in Spanish when asked', () => {
    const result = plan({}, { language: 'es' });
    expect(result.steps[0]!.reasons[0]).toBe('Cubre: Albergue de emergencia.');
    expect(result.steps[0]!.reasons).toContain('Atiende en español.');
  });
});

describe('hard rules', () => {
  it('never proposes an adults-only provider to a minor, nor a youth provider to an adult', () => {
    const minor = plan({ age: 15, needs: ['shelter'] });
    expect(minor.steps[0]!.service.id).toBe('sample:svc-bright-arroyo-youth-beds');
    for (const proposal of proposals(minor)) {
      const record = graph.node(proposal.service.id)!;
      expect(record.kind === 'service' && (record.eligibility.minAge ?? 0) <= 15).toBe(true);
    }
    expect(serviceIds(plan({ age: 30, needs: ['shelter'] }))).not.toContain('sample:svc-bright-arroyo-youth-beds');
  });

  it('never proposes a provider for another gender', () => {
    const ids = serviceIds(plan({ gender: 'male', needs: ['shelter', 'safety'] }));
    expect(ids).not.toContain('sample:svc-marigold-gate-emergency-beds');
    expect(ids).not.toContain('sample:svc-casa-tres-lunas-family-beds');
    expect(ids).toContain('sample:svc-ironwood-mens-beds');
    expect(serviceIds(plan({ gender: 'female', needs: ['shelter'] }))).not.toContain('sample:svc-ironwood-mens-beds');
  });

  it('never proposes a provider for another form of trafficking', () => {
    const labour = serviceIds(plan({ traffickingType: 'labor', needs: ['shelter', 'safety', 'mental_health'] }));
    expect(labour).not.toContain('sample:svc-saffron-door-beds');
    expect(labour).not.toContain('sample:svc-saffron-door-exit-program');
    const sex = plan({ traffickingType: 'sex', needs: ['legal_aid', 'restitution'] });
    expect(serviceIds(sex).filter((id) => id.includes('sunward'))).toEqual([]);
  });

  it('never proposes a provider that needs identity documents the client lacks', () => {
    const without = plan({
      hasIdentityDocuments: false,
      immigrationStatus: 'citizen',
      needs: ['shelter', 'long_term_housing'],
    });
    expect(serviceIds(without).filter((id) => id.includes('orchard-step'))).toEqual([]);
    const unknown = plan({ hasIdentityDocuments: null, immigrationStatus: 'citizen', needs: ['long_term_housing'] });
    const orchard = proposals(unknown).find((p) => p.service.id === 'sample:svc-orchard-step-rapid-rehousing');
    expect(orchard?.warnings).toContain('Requires identity documents: check the client has them.');
  });

  it('never proposes a provider that excludes the client’s immigration status', () => {
    const result = plan({ immigrationStatus: 'undocumented', needs: ['benefits'] });
    expect(serviceIds(result)).not.toContain('sample:svc-benefits-calfresh-cash-aid');
    const pinned = plan(
      { immigrationStatus: 'undocumented', needs: ['benefits'] },
      { choices: [{ need: 'benefits', serviceId: 'sample:svc-benefits-noncitizen-survivors' }] },
    );
    expect(pinned.steps[0]!.service.id).toBe('sample:svc-benefits-noncitizen-survivors');
    expect(serviceIds(plan({ immigrationStatus: 'citizen', needs: ['benefits'] }))).not.toContain(
      'sample:svc-benefits-noncitizen-survivors',
    );
  });

  it('never proposes a detention setting while that constraint is on', () => {
    const man = { gender: 'male' as const, needs: ['shelter' as const, 'medical' as const] };
    expect(serviceIds(plan(man)).filter((id) => id.includes('dunmore'))).toEqual([]);
    const off = plan({ ...man, constraints: { noDetention: false } });
    expect(serviceIds(off).some((id) => id.includes('dunmore'))).toBe(true);
  });

  it('never proposes a historical actor or service', () => {
    const ids = serviceIds(plan({ needs: ['shelter', 'safety', 'immigration_relief', 'legal_aid', 'reintegration'] }));
    expect(ids.filter((id) => id.includes('old-quarry') || id.includes('starling-court'))).toEqual([]);
    for (const proposal of proposals(plan({}))) {
      for (const id of proposal.path) expect(graph.node(id)!.status).toBe('active');
    }
  });

  it('keeps only free providers when the plan is free only', () => {
    const result = plan({ needs: ['medical'], constraints: { freeOnly: true } });
    for (const proposal of proposals(result)) {
      const record = graph.node(proposal.service.id)!;
      expect(record.kind === 'service' && record.cost).toBe('free');
    }
  });

  it('keeps only providers open 24/7 when asked, and says so when none is', () => {
    const result = plan({ needs: ['shelter', 'legal_aid'], constraints: { only24x7: true } });
    for (const proposal of proposals(result)) expect(proposal.reasons).toContain('Open 24 hours a day, 7 days a week.');
    expect(result.uncovered.map((u) => [u.need, u.reason])).toEqual([['legal_aid', 'hours']]);
    expect(result.uncovered[0]!.suggestion).toMatch(/^Relaxing that constraint would show providers/);
  });

  it('keeps every provider within the hop limit from the starting organisation', () => {
    const result = plan({ startActorId: 'sample:marigold-gate-residence', constraints: { maxHops: 1 } });
    for (const proposal of proposals(result)) expect(proposal.path.length).toBeLessThanOrEqual(2);
    expect(result.steps.length).toBeGreaterThan(0);
  });
});

describe('uncovered needs', () => {
  it('offers an interpretation service when no provider speaks the client’s language', () => {
    const result = plan({ languages: ['mix'], needs: ['medical'] });
    expect(result.steps).toEqual([]);
    const [medical] = result.uncovered;
    expect(medical!.reason).toBe('language');
    expect(medical!.cover?.kind).toBe('interpretation');
    expect(medical!.cover?.provider.actor.id).toBe('sample:voz-clara-interpreters-cooperative');
    expect(medical!.suggestion).toContain('With an interpreter from Voz Clara Interpreters Cooperative');
  });

  it('names the nearest wider region that has a provider when the client’s region has none', () => {
    const result = plan({ region: 'US-CA/Ventura County', needs: ['job_training'], startActorId: null });
    const [need] = result.uncovered;
    expect(need!.reason).toBe('no_provider_in_region');
    expect(need!.explanation).toBe('No provider meets this need in Ventura County.');
    expect(need!.cover?.kind).toBe('nearest_region');
    expect(need!.cover?.region).toMatch(/^US-CA\/(Los Angeles|Orange) County$/);
    expect(need!.suggestion).toContain(need!.cover!.provider.actor.name);
  });

  it('says when the only providers are beyond the hop limit, and what relaxing it would show', () => {
    const result = plan({
      startActorId: 'sample:marigold-gate-residence',
      needs: ['job_training'],
      constraints: { maxHops: 1 },
    });
    expect(result.uncovered.map((u) => u.reason)).toEqual(['hops']);
    expect(result.uncovered[0]!.explanation).toContain(
      'within the referral-hop limit (1) from Marigold Gate Residence',
    );
    expect(result.uncovered[0]!.suggestion).toMatch(/^Relaxing that constraint would show providers/);
  });

  it('says when nobody here serves a client of that age', () => {
    const result = plan({ age: 10, languages: ['en'], needs: ['restitution'] });
    expect(result.uncovered.map((u) => u.reason)).toEqual(['age']);
    expect(result.uncovered[0]!.explanation).toContain('(10 years old)');
  });
});

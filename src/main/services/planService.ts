/**
 * Handlers of the plan capability: build a plan over the in-memory graph, keep it under a case code for follow-up
 * until it expires (expired plans are purged when the service opens and whenever plans are listed or opened), and
 * print it for the survivor through the PDF renderer the host provides.
 */
import { randomBytes } from 'node:crypto';
import { AtlasError, errorMessage, fieldIssue, type ContractHandlers } from '../../shared/api';
import type { PrintedPlan, planMethods } from '../../shared/api/methods/planMethods';
import { isoDate } from '../../shared/domain';
import type { ClientProfile } from '../../shared/plan/clientProfile';
import { planReferrals } from '../../shared/plan/planReferrals';
import { printablePlanHtml } from '../../shared/plan/printablePlan';
import type { PlanChoice, ReferralPlan } from '../../shared/plan/referralPlan';
import { notePiiWarnings, type SavedPlan, type SavedPlanSummary, type StepStatus } from '../../shared/plan/savedPlan';
import type { Atlas } from './atlas';
import { PlanRepository, type StoredPlan } from './plans/planRepository';

const DAY_MS = 86_400_000;

/** The plan handlers. */
export function planHandlers(atlas: Atlas): Pick<ContractHandlers, keyof typeof planMethods> {
  const repository = new PlanRepository(atlas.db);
  const now = () => atlas.now().toISOString();
  // Expired plans are deleted whenever the database takes writes; reads never show them either way, so a
  // read-only database (a locked file, a full disk) still keeps them out of sight and the app still opens.
  const purge = () => {
    try {
      repository.purgeExpired(now());
    } catch (error) {
      if (!/readonly|read-only|query_only|SQLITE_FULL|disk is full/i.test(String((error as Error).message)))
        throw error;
    }
  };
  const current = (plan: StoredPlan | null | undefined): StoredPlan | undefined =>
    plan && plan.expiresAt > now() ? plan : undefined;
  purge();

  const build = (profile: ClientProfile, choices: PlanChoice[], language: 'en' | 'es'): ReferralPlan => {
    const start = profile.startActorId;
    if (start !== null && atlas.store.index.node(start)?.kind !== 'actor') {
      throw new AtlasError('BAD_INPUT', errorMessage('error.noOrganisation', { id: start }), [
        fieldIssue('profile.startActorId', errorMessage('error.issue.noOrganisation', { id: start })),
      ]);
    }
    return planReferrals(atlas.store.index, profile, { today: atlas.now(), language, choices });
  };
  const mustGet = (id: string): StoredPlan => {
    purge();
    const stored = current(repository.get(id));
    if (!stored) throw new AtlasError('NOT_FOUND', errorMessage('error.noSavedPlan', { id }));
    return stored;
  };

  return {
    'plan.build': ({ profile, choices, language }) => build(profile, choices, language),
    'plan.save': ({ caseCode, profile, choices, language, notes, expiresInDays }) => {
      const plan = build(profile, choices, language);
      const now = atlas.now();
      const stored: StoredPlan = {
        id: `plan-${randomBytes(8).toString('hex')}`,
        caseCode,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS).toISOString(),
        language,
        profile,
        choices,
        plan,
        notes,
        steps: plan.steps.map(() => ({ status: 'planned', note: '', updatedAt: now.toISOString() })),
      };
      repository.insert(stored);
      return withWarnings(stored);
    },
    'plan.list': () => {
      purge();
      return repository
        .list()
        .filter((plan) => current(plan))
        .map(summary);
    },
    'plan.get': ({ id }) => withWarnings(mustGet(id)),
    'plan.updateStep': ({ id, step, status, note }) => {
      const stored = mustGet(id);
      const current = stored.steps[step];
      if (!current) {
        const last = stored.steps.length - 1;
        throw new AtlasError(
          'BAD_INPUT',
          errorMessage('error.noPlanStep', { id, count: stored.steps.length, last, step }),
          [fieldIssue('step', errorMessage('error.issue.between', { min: 0, max: last }))],
        );
      }
      repository.updateStep(id, step, status ?? current.status, note ?? current.note, atlas.now().toISOString());
      return withWarnings(mustGet(id));
    },
    'plan.delete': ({ id }) => {
      mustGet(id);
      repository.delete(id);
      return { deleted: true };
    },
    'plan.print': async ({ id, profile, choices, language, format }) => {
      let plan: ReferralPlan;
      let printLanguage: 'en' | 'es';
      let code = 'plan';
      if (id !== undefined) {
        const stored = mustGet(id);
        plan = stored.plan;
        printLanguage = language ?? stored.language;
        code = stored.caseCode;
      } else {
        printLanguage = language ?? 'en';
        plan = build(profile!, choices, printLanguage);
      }
      const date = isoDate(atlas.now());
      const html = printablePlanHtml(atlas.store.index, plan, { language: printLanguage, date });
      const fileName = `referral-plan-${code}-${date}.${format}`;
      if (format === 'html') return { html, pdfBase64: null, fileName } satisfies PrintedPlan;
      const pdf = await atlas.pdf.htmlToPdf(html);
      return { html, pdfBase64: Buffer.from(pdf).toString('base64'), fileName } satisfies PrintedPlan;
    },
  };
}

function withWarnings(stored: StoredPlan): SavedPlan {
  const noteWarnings = [
    ...notePiiWarnings(stored.notes).map((warning) => `Plan notes: ${warning}`),
    ...stored.steps.flatMap((step, index) =>
      notePiiWarnings(step.note).map((warning) => `Step ${index + 1} note: ${warning}`),
    ),
  ];
  return { ...stored, noteWarnings };
}

function summary(stored: StoredPlan): SavedPlanSummary {
  const statusCounts: Partial<Record<StepStatus, number>> = {};
  for (const step of stored.steps) statusCounts[step.status] = (statusCounts[step.status] ?? 0) + 1;
  return {
    id: stored.id,
    caseCode: stored.caseCode,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
    language: stored.language,
    needs: stored.profile.needs,
    stepCount: stored.steps.length,
    statusCounts,
  };
}

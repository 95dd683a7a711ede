import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiResult, type Dispatch } from '../../shared/api';
import type { PrintedPlan } from '../../shared/api/methods/planMethods';
import type { ClientProfileInput } from '../../shared/plan/clientProfile';
import type { SavedPlan, SavedPlanSummary } from '../../shared/plan/savedPlan';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import { openAtlas } from './atlas';
import type { PdfRenderer } from './pdf/pdfRenderer';
import { createHandlers } from './handlers';

const PROFILE: ClientProfileInput = {
  needs: ['shelter', 'medical', 'legal_aid', 'immigration_relief'],
  languages: ['es'],
  age: 'adult',
  gender: 'female',
  traffickingType: 'labor',
  immigrationStatus: 'undocumented',
  hasIdentityDocuments: false,
  region: 'US-CA/Los Angeles County',
  startActorId: 'sample:threadline-survivor-network',
};
const DAY = 86_400_000;

let clock = new Date('2026-11-28T10:00:00Z');
let atlas: Awaited<ReturnType<typeof openTempAtlas>> | undefined;

async function open(pdfRenderer?: PdfRenderer): Promise<Dispatch> {
  atlas = await openTempAtlas({ now: () => clock, ...(pdfRenderer ? { pdfRenderer } : {}) });
  return createDispatcher(createHandlers(atlas));
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

afterEach(() => {
  atlas?.dispose();
  atlas = undefined;
  clock = new Date('2026-11-28T10:00:00Z');
});

describe('saved plans', () => {
  it('refuses a case code that looks like a name, and stores nothing', async () => {
    const dispatch = await open();
    const result = await dispatch('plan.save', { caseCode: 'MariaLopez', profile: PROFILE });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues?.[0]?.path).toBe('caseCode');
    expect(value<SavedPlanSummary[]>(await dispatch('plan.list', {}))).toEqual([]);
  });

  it('keeps a plan under its case code with a 90-day expiry and every step planned', async () => {
    const dispatch = await open();
    const saved = value<SavedPlan>(
      await dispatch('plan.save', { caseCode: 'LA-2026-014', profile: PROFILE, language: 'es' }),
    );
    expect(saved.id).toMatch(/^plan-[0-9a-f]{16}$/);
    expect(Date.parse(saved.expiresAt) - Date.parse(saved.createdAt)).toBe(90 * DAY);
    expect(saved.steps.map((step) => step.status)).toEqual(saved.plan.steps.map(() => 'planned'));
    const [listed] = value<SavedPlanSummary[]>(await dispatch('plan.list', {}));
    expect(listed).toMatchObject({ id: saved.id, caseCode: 'LA-2026-014', stepCount: saved.plan.steps.length });
    expect(value<SavedPlan>(await dispatch('plan.get', { id: saved.id })).plan).toEqual(saved.plan);
  });

  it('records step statuses and warns when a note looks like personal data', async () => {
    const dispatch = await open();
    const saved = value<SavedPlan>(
      await dispatch('plan.save', {
        caseCode: 'LA-2026-015',
        profile: PROFILE,
        notes: 'Client email: ana@example.com',
      }),
    );
    expect(saved.noteWarnings).toEqual([
      expect.stringContaining('Plan notes: This note seems to contain an e-mail address'),
    ]);
    const updated = value<SavedPlan>(
      await dispatch('plan.updateStep', {
        id: saved.id,
        step: 1,
        status: 'referred',
        note: 'call back on 323 555 0188',
      }),
    );
    expect(updated.steps[1]).toMatchObject({ status: 'referred', note: 'call back on 323 555 0188' });
    expect(
      updated.noteWarnings.some((warning) => warning.startsWith('Step 2 note:') && warning.includes('phone')),
    ).toBe(true);
    const bad = await dispatch('plan.updateStep', { id: saved.id, step: 99, status: 'accepted' });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('step');
  });

  it('purges expired plans when plans are listed or opened, and when the service opens', async () => {
    const dispatch = await open();
    const short = value<SavedPlan>(
      await dispatch('plan.save', { caseCode: 'C-1', profile: PROFILE, expiresInDays: 1 }),
    );
    const long = value<SavedPlan>(await dispatch('plan.save', { caseCode: 'C-2', profile: PROFILE }));
    clock = new Date(clock.getTime() + 2 * DAY);
    expect(value<SavedPlanSummary[]>(await dispatch('plan.list', {})).map((plan) => plan.id)).toEqual([long.id]);
    const gone = await dispatch('plan.get', { id: short.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    expect(atlas!.db.prepare('SELECT count(*) AS n FROM plan_steps WHERE plan_id = ?').get(short.id)).toEqual({ n: 0 });

    // Reopening the database 91 days later purges the other one before any call.
    const path = atlas!.config.databasePath;
    atlas!.close();
    clock = new Date(clock.getTime() + 91 * DAY);
    const reopened = await openAtlas({
      databasePath: path,
      dataDir: atlas!.config.dataDir,
      version: 'test',
      now: () => clock,
    });
    try {
      createHandlers(reopened);
      expect(reopened.db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 0 });
    } finally {
      reopened.close();
    }
    atlas = Object.assign(atlas!, { close: () => undefined });
  });

  it('deletes a plan on request', async () => {
    const dispatch = await open();
    const saved = value<SavedPlan>(await dispatch('plan.save', { caseCode: 'C-3', profile: PROFILE }));
    expect(value(await dispatch('plan.delete', { id: saved.id }))).toEqual({ deleted: true });
    expect((await dispatch('plan.get', { id: saved.id })).ok).toBe(false);
  });
});

describe('plan.build', () => {
  it('refuses a starting organisation that does not exist, naming the field', async () => {
    const dispatch = await open();
    const result = await dispatch('plan.build', { profile: { ...PROFILE, startActorId: 'actor:nobody-here' } });
    expect(!result.ok && result.error.issues?.[0]?.path).toBe('profile.startActorId');
  });

  it('refuses a profile with a field for a name', async () => {
    const dispatch = await open();
    const result = await dispatch('plan.build', { profile: { ...PROFILE, clientName: 'Ana' } });
    expect(!result.ok && result.error.issues?.map((issue) => issue.path)).toEqual(['profile.clientName']);
  });
});

describe('plan.print', () => {
  it('prints the survivor’s page in Spanish with public contacts only, never a confidential field', async () => {
    const dispatch = await open();
    const choices = [{ need: 'shelter', serviceId: 'sample:svc-marigold-gate-emergency-beds' }];
    const printed = value<PrintedPlan>(
      await dispatch('plan.print', { profile: PROFILE, choices, language: 'es', format: 'html' }),
    );
    expect(printed.html).toContain('<html lang="es">');
    expect(printed.html).toContain('Su plan de derivación');
    expect(printed.html).toContain('Marigold Gate Residence');
    expect(printed.html).toContain('(323) 555-0100');
    // Marigold's street and postal code are confidential.
    expect(printed.html).not.toContain('1427 Quiet Harbor Way');
    expect(printed.html).not.toContain('90031');
    expect(printed.html).toContain('1-888-373-7888');
    expect(printed.pdfBase64).toBeNull();
  });

  it('renders the PDF through the renderer the host provides (printToPDF in the app)', async () => {
    const seen: string[] = [];
    const dispatch = await open({ htmlToPdf: async (html) => (seen.push(html), new Uint8Array([37, 80, 68, 70])) });
    const saved = value<SavedPlan>(await dispatch('plan.save', { caseCode: 'C-4', profile: PROFILE, language: 'es' }));
    const printed = value<PrintedPlan>(await dispatch('plan.print', { id: saved.id }));
    expect(Buffer.from(printed.pdfBase64!, 'base64').toString()).toBe('%PDF');
    expect(seen[0]).toBe(printed.html);
    expect(printed.html).toContain('Paso 1');
    expect(printed.fileName).toBe('referral-plan-C-4-2026-11-28.pdf');
  });
});

describe('saved plans on a database that refuses writes', () => {
  it('still opens, and never shows an expired plan', async () => {
    const dispatch = await open();
    const saved = value<SavedPlan>(
      await dispatch('plan.save', { caseCode: 'RO-1', profile: PROFILE, expiresInDays: 1 }),
    );
    atlas!.db.pragma('query_only = ON');
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    const readOnly = createDispatcher(createHandlers(atlas!));
    expect(value<unknown[]>(await readOnly('plan.list', {}))).toEqual([]);
    const got = await readOnly('plan.get', { id: saved.id });
    expect(!got.ok && got.error.code).toBe('NOT_FOUND');
    atlas!.db.pragma('query_only = OFF');
  });
});

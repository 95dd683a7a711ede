/**
 * The Plan tab in Chromium through the bridge: the profile the sample network was designed for (a Spanish-speaking
 * adult survivor of labour trafficking in Los Angeles County, undocumented, with no documents, needing shelter,
 * medical care, legal aid and immigration relief), its steps, a swap, saving, showing the paths in the graph, and
 * the printed PDF read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ReferralPlan } from '../../src/shared/plan/referralPlan';
import { RESULTS_DIR, launchChromium, saveResult, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';

const PROFILE = {
  needs: ['shelter', 'medical', 'legal_aid', 'immigration_relief'],
  languages: ['es'],
  age: 'adult',
  traffickingType: 'labor',
  immigrationStatus: 'undocumented',
  hasIdentityDocuments: false,
  region: 'US-CA/Los Angeles County',
  arrivalTime: '2026-12-01T14:00',
  startActorId: 'sample:threadline-survivor-network',
};

describe('the Plan tab', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let expected: ReferralPlan;

  beforeAll(async () => {
    app = await startServedApp();
    const built = await app.dispatch('plan.build', { profile: PROFILE });
    if (!built.ok) throw new Error(built.error.message);
    expected = built.value as ReferralPlan;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    errors = watchPageErrors(page);
    await page.goto(app.bridge.url);
    await page.getByRole('tab', { name: 'Plan' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('builds the plan as the profile is filled in, one card per step', async () => {
    for (const need of PROFILE.needs) await page.getByTestId(`need-${need}`).click();
    await page.getByTestId('profile-languages').fill('es');
    await page.getByTestId('profile-trafficking').selectOption('labor');
    await page.getByTestId('profile-immigration').selectOption('undocumented');
    await page.getByTestId('profile-documents').selectOption('no');
    await page.getByTestId('profile-arrival').fill('2026-12-01T14:00');
    await page.getByTestId('profile-region').fill('US-CA/Los Angeles County');
    await page.getByTestId('profile-start').fill('sample:threadline-survivor-network');
    await page.getByTestId('profile-start').press('Enter');
    await page.getByTestId('profile-start-chosen').waitFor();

    const cards = page.getByTestId('plan-step');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(expected.steps.length);
    await expect
      .poll(async () => (await cards.first().textContent()) ?? '', { timeout: 15_000 })
      .toContain('Partners directly with Threadline Survivor Network.');
    for (const [i, step] of expected.steps.entries()) {
      const text = (await cards.nth(i).textContent()) ?? '';
      expect(text).toContain(step.actor.name);
      expect(text).toContain(step.service.name);
      expect(text).toContain('Speaks Spanish.');
    }
    expect(expected.uncovered).toEqual([]);
    const immigration = cards.nth(expected.steps.findIndex((step) => step.needs.includes('immigration_relief')));
    expect(await immigration.textContent()).toContain('Legal basis');
  });

  it('swaps a step for one of its alternatives', async () => {
    const first = page.getByTestId('plan-step').first();
    const alternative = expected.steps[0]!.alternatives[0]!;
    await first.locator('summary').click();
    await first.getByTestId('plan-alternative').first().getByRole('button', { name: 'Use instead' }).click();
    await expect
      .poll(async () => (await page.getByTestId('plan-step').first().locator('h3').textContent()) ?? '')
      .toBe(alternative.actor.name);
    await page.locator('.plan-form').evaluate((form) => form.scrollTo(0, 0));
    await screenshot(page, 'plan');
  });

  it('prints a one-page PDF in Spanish that names every provider of the plan', async () => {
    expect(await page.getByTestId('print-language').inputValue()).toBe('es');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-print').click()]);
    const pdfPath = join(RESULTS_DIR, 'plan.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    saveResult('plan.pdf.txt', text);
    expect(text).toContain('Su plan de derivación');
    expect(text).toContain('Paso 1');
    expect(text).toContain('Qué llevar');
    expect(text).toContain('Líneas de ayuda');
    // The printed plan is the one on screen, with the swapped-in provider first.
    expect(text).toContain(expected.steps[0]!.alternatives[0]!.actor.name);
    for (const step of expected.steps.slice(1)) expect(text).toContain(step.actor.name);
    expect(text).not.toContain('1427 Quiet Harbor Way');
    const pages = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(pages).toMatch(/Pages:\s+1\n/);
  });

  it('saves the plan under a case code and warns when a note looks like personal data', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('save-case-code').fill('LA-2026-014');
    await page.getByTestId('save-notes').fill('Call her at 213-555-0199');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('looks like a phone number');
    await page.getByTestId('save-notes').fill('Intake done; legal consult next.');
    await page.getByTestId('save-confirm').click();
    await page.getByTestId('plan-saved-banner').waitFor();
    expect(await page.getByTestId('plan-saved-banner').textContent()).toContain('LA-2026-014');
    await page.getByTestId('step-status').first().selectOption('referred');
    const listed = await app.dispatch('plan.list', {});
    expect(listed.ok && (listed.value as { caseCode: string }[]).map((plan) => plan.caseCode)).toEqual(['LA-2026-014']);
  });

  it('shows the plan’s paths in the graph', async () => {
    await page.getByRole('button', { name: 'Show paths in graph' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Network' }).getAttribute('aria-selected')).toBe('true');
  });

  it('runs with no console error and no CSP violation', () => {
    expect(errors).toEqual([]);
  });
});

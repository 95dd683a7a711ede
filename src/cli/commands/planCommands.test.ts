import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/tempAtlas';
import type { ReferralPlan } from '../../shared/plan/referralPlan';
import { runCliForTest } from '../../../tests/support/cliRun';

const folder = tempDir();
afterAll(() => folder.cleanup());
const db = join(folder.dir, 'cli.sqlite');

function profileFile(name: string, profile: unknown): string {
  const path = join(folder.dir, name);
  writeFileSync(path, JSON.stringify(profile));
  return path;
}

const cli = (...argv: string[]) => runCliForTest(argv);

const SURVIVOR = {
  needs: ['shelter', 'medical', 'legal_aid', 'immigration_relief'],
  languages: ['es'],
  traffickingType: 'labor',
  immigrationStatus: 'undocumented',
  hasIdentityDocuments: false,
  region: 'US-CA/Los Angeles County',
  startActorId: 'sample:threadline-survivor-network',
};

describe('plan (CLI)', () => {
  it('prints the plan as JSON', async () => {
    const result = await cli('plan', '--db', db, '--profile', profileFile('ok.json', SURVIVOR), '--json');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as ReferralPlan;
    expect(plan.steps.flatMap((step) => step.needs).sort()).toEqual([
      'immigration_relief',
      'legal_aid',
      'medical',
      'shelter',
    ]);
    expect(plan.steps[0]!.path[0]).toBe('sample:threadline-survivor-network');
  });

  it('refuses a bad profile with exit code 2, naming the file and each field', async () => {
    const bad = profileFile('bad.json', { ...SURVIVOR, age: 'old', clientName: 'Ana' });
    const result = await cli('plan', '--db', db, '--profile', bad, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}: profile refused:`);
    expect(result.stderr).toContain('age: must be a whole number of years');
    expect(result.stderr).toContain('clientName: unknown field "clientName"');
    expect(result.stdout).toBe('');
  });

  it('refuses a file that is not JSON with exit code 2', async () => {
    const path = join(folder.dir, 'broken.json');
    writeFileSync(path, '{ "needs": [');
    const result = await cli('plan', '--db', db, '--profile', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: cannot read the profile as JSON`);
  });

  it('writes the printable PDF in Spanish with --pdf', async () => {
    const out = join(folder.dir, 'plan.pdf');
    const result = await cli(
      'plan',
      '--db',
      db,
      '--profile',
      profileFile('pdf.json', SURVIVOR),
      '--pdf',
      out,
      '--language',
      'es',
    );
    expect(result.code).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Su plan de derivación');
    expect(text).toContain('Eastside Lumen Legal Collective');
  }, 60_000);
});

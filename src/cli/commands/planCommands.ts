/** CLI commands of the plan capability: `plan --profile profile.json [--json] [--pdf out.pdf] [--language es]`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeIssues, fieldIssues } from '../../shared/api';
import type { PrintedPlan } from '../../shared/api/methods/planMethods';
import { clientProfileSchema, type ClientProfile } from '../../shared/plan/clientProfile';
import type { ReferralPlan } from '../../shared/plan/referralPlan';
import { print, unwrap, UsageError, type CliCommand } from '../command';

/** Reads and checks a profile file; a bad one is refused naming the file and every wrong field. */
export function readProfileFile(path: string): ClientProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: cannot read the profile as JSON (${(error as Error).message})`);
  }
  const parsed = clientProfileSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${path}: profile refused: ${describeIssues(fieldIssues(parsed.error))}`);
  return parsed.data;
}

/** `plan`: builds a referral plan for a profile file, prints it, and can write the survivor's printable PDF. */
export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Build a referral plan for a client profile (JSON file); --pdf writes the printable plan.',
  usage: 'plan --profile PROFILE.json [--language en|es] [--pdf OUT.pdf] [--db PATH] [--json]',
  options: {
    profile: { type: 'string' },
    pdf: { type: 'string' },
    language: { type: 'string', default: 'en' },
  },
  async run(context) {
    const file = context.values.profile;
    if (typeof file !== 'string') throw new UsageError('--profile PROFILE.json is required.');
    const language = context.values.language;
    if (language !== 'en' && language !== 'es')
      throw new UsageError(`--language must be "en" or "es", not "${String(language)}".`);
    const profile = readProfileFile(resolve(file));
    const dispatch = await context.dispatch();
    const plan = unwrap(await dispatch('plan.build', { profile, language })) as ReferralPlan;
    const pdfPath = context.values.pdf;
    if (typeof pdfPath === 'string') {
      const printed = unwrap(await dispatch('plan.print', { profile, language, format: 'pdf' })) as PrintedPlan;
      writeFileSync(resolve(pdfPath), Buffer.from(printed.pdfBase64 ?? '', 'base64'));
      if (!context.json) context.stderr(`Wrote the printable plan to ${pdfPath}\n`);
    }
    print(context, plan, () => planText(plan));
  },
};

/** A plan as plain text for the terminal. */
export function planText(plan: ReferralPlan): string {
  const lines = [`Referral plan for ${plan.profile.needs.length} needs, as of ${plan.asOf}`];
  plan.steps.forEach((step, i) => {
    lines.push('', `${i + 1}. ${step.needs.join(' + ')}: ${step.actor.name} — ${step.service.name}`);
    lines.push(`   path: ${step.pathNames.join(' → ')}`);
    for (const reason of step.reasons) lines.push(`   + ${reason}`);
    for (const warning of step.warnings) lines.push(`   ! ${warning}`);
    for (const basis of step.legalBasis)
      lines.push(`   § ${basis.name}${basis.citation ? ` (${basis.citation})` : ''}`);
    for (const alternative of step.alternatives) {
      lines.push(`   backup: ${alternative.actor.name} — ${alternative.service.name} (score ${alternative.score})`);
    }
  });
  if (plan.uncovered.length > 0) {
    lines.push('', 'Not covered:');
    for (const need of plan.uncovered) lines.push(`  - ${need.need}: ${need.explanation} ${need.suggestion}`);
  }
  for (const warning of plan.warnings) lines.push('', `Note: ${warning}`);
  return lines.join('\n');
}

/** The plan commands. */
export const planCommands: CliCommand[] = [planCommand];

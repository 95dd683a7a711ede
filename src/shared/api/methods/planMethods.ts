/** Contract methods of the plan capability: build a referral plan, keep it for follow-up, print it. */
import { z } from 'zod';
import { method } from '../defineMethod';
import { NEED_CODES, recordIdSchema } from '../../domain';
import { clientProfileSchema } from '../../plan/clientProfile';
import type { ReferralPlan } from '../../plan/referralPlan';
import {
  DEFAULT_PLAN_EXPIRY_DAYS,
  MAX_NOTE_LENGTH,
  MAX_PLAN_EXPIRY_DAYS,
  STEP_STATUSES,
  caseCodeSchema,
  savedPlanIdSchema,
  type SavedPlan,
  type SavedPlanSummary,
} from '../../plan/savedPlan';

/** The languages a plan and its printable copy can be in. */
const planLanguage = z.enum(['en', 'es']);
const choicesSchema = z
  .array(z.object({ need: z.enum(NEED_CODES), serviceId: recordIdSchema }).strict())
  .max(NEED_CODES.length)
  .default([]);

/** What `plan.print` returns: the HTML, and the PDF (base64) when a PDF renderer is wired in. */
export interface PrintedPlan {
  html: string;
  /** The PDF as base64, or null when only HTML was asked for. */
  pdfBase64: string | null;
  /** A file name with no client data in it. */
  fileName: string;
}

/** The plan methods. */
export const planMethods = {
  'plan.build': method(
    z.object({ profile: clientProfileSchema, choices: choicesSchema, language: planLanguage.default('en') }).strict(),
    'Builds an ordered, explained referral plan for a client profile (choices pin a provider to a need).',
  ).returns<ReferralPlan>(),
  'plan.save': method(
    z
      .object({
        caseCode: caseCodeSchema,
        profile: clientProfileSchema,
        choices: choicesSchema,
        language: planLanguage.default('en'),
        notes: z.string().max(MAX_NOTE_LENGTH).default(''),
        expiresInDays: z.number().int().min(1).max(MAX_PLAN_EXPIRY_DAYS).default(DEFAULT_PLAN_EXPIRY_DAYS),
      })
      .strict(),
    'Builds the plan and keeps it under a case code until it expires (90 days by default).',
  ).returns<SavedPlan>(),
  'plan.list': method(z.object({}).strict(), 'The saved plans that have not expired, newest first.').returns<
    SavedPlanSummary[]
  >(),
  'plan.get': method(
    z.object({ id: savedPlanIdSchema }).strict(),
    'One saved plan with its follow-up state.',
  ).returns<SavedPlan>(),
  'plan.updateStep': method(
    z
      .object({
        id: savedPlanIdSchema,
        step: z.number().int().min(0).max(100),
        status: z.enum(STEP_STATUSES).optional(),
        note: z.string().max(MAX_NOTE_LENGTH).optional(),
      })
      .strict(),
    'Sets the follow-up status and/or private note of one step of a saved plan.',
  ).returns<SavedPlan>(),
  'plan.delete': method(z.object({ id: savedPlanIdSchema }).strict(), 'Deletes a saved plan now.').returns<{
    deleted: true;
  }>(),
  'plan.print': method(
    z
      .object({
        id: savedPlanIdSchema.optional(),
        profile: clientProfileSchema.optional(),
        choices: choicesSchema,
        language: planLanguage.optional(),
        format: z.enum(['pdf', 'html']).default('pdf'),
      })
      .strict()
      .refine((input) => (input.id === undefined) !== (input.profile === undefined), {
        message: 'give either the id of a saved plan or a profile, not both',
        path: ['id'],
      }),
    'The one-page printable plan for the survivor, in English or Spanish, as HTML and PDF.',
  ).returns<PrintedPlan>(),
};

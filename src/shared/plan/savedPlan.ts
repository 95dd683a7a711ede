/**
 * Saved plans: a plan kept under a case code the caseworker chooses, for follow-up, until it expires. A case code
 * is a code, never a name, and private notes are checked for anything that looks like personal data.
 */
import { z } from 'zod';
import type { NeedCode } from '../domain';
import type { ClientProfile } from './clientProfile';
import type { PlanChoice, ReferralPlan } from './referralPlan';

/** How long a saved plan is kept unless the caseworker says otherwise. */
export const DEFAULT_PLAN_EXPIRY_DAYS = 90;
/** The longest a saved plan may be kept. */
export const MAX_PLAN_EXPIRY_DAYS = 365;
/** The longest private note. */
export const MAX_NOTE_LENGTH = 2_000;

/**
 * A case code: letters, digits and dashes, at most 40, with at least one digit, so a name ("MariaLopez") is refused
 * while "LA-2026-014" passes.
 */
export const caseCodeSchema = z
  .string()
  .max(40, 'must be at most 40 characters')
  .regex(
    /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/,
    'must be a case code of letters, digits and dashes (e.g. "LA-2026-014"), not a name',
  )
  .refine(
    (code) => /\d/.test(code),
    'must contain a digit: use a case code (e.g. "LA-2026-014"), never a client’s name',
  );

/** Where a step stands in follow-up. */
export const STEP_STATUSES = ['planned', 'referred', 'accepted', 'declined', 'completed'] as const;
/** One of {@link STEP_STATUSES}. */
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A saved plan's id (generated, never derived from the client). */
export const savedPlanIdSchema = z
  .string()
  .regex(/^plan-[a-z0-9]{8,40}$/, 'must be a saved plan id such as "plan-3f9c2a1b"');

/** The follow-up state of one step. */
export interface SavedStep {
  status: StepStatus;
  note: string;
  updatedAt: string;
}

/** A saved plan with its follow-up state. */
export interface SavedPlan {
  id: string;
  caseCode: string;
  createdAt: string;
  expiresAt: string;
  /** The language of the printable copy. */
  language: 'en' | 'es';
  profile: ClientProfile;
  choices: PlanChoice[];
  /** The plan as it was when saved: follow-up refers to these providers even if the graph changes later. */
  plan: ReferralPlan;
  /** One per plan step, in order. */
  steps: SavedStep[];
  notes: string;
  /** What in the notes (plan and steps) looks like personal data. */
  noteWarnings: string[];
}

/** A saved plan in a list. */
export interface SavedPlanSummary {
  id: string;
  caseCode: string;
  createdAt: string;
  expiresAt: string;
  language: 'en' | 'es';
  needs: NeedCode[];
  stepCount: number;
  statusCounts: Partial<Record<StepStatus, number>>;
}

/** Kinds of personal data a note may seem to hold. */
export const PII_KINDS = ['email', 'phone', 'date', 'address', 'idNumber'] as const;
/** One of {@link PII_KINDS}. */
export type PiiKind = (typeof PII_KINDS)[number];

const PII_PATTERNS: Record<PiiKind, { words: string; pattern: RegExp }> = {
  email: { words: 'an e-mail address', pattern: /[^\s@]+@[^\s@]+\.[a-z]{2,}/i },
  phone: { words: 'a phone number', pattern: /(?:\+?\d[\s.()-]*){7,}/ },
  date: {
    words: 'a date',
    pattern:
      /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}\s+(?:de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i,
  },
  address: {
    words: 'a street address',
    pattern:
      /\b\d{1,6}\s+(?:[A-Za-zÀ-ÿ.]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|calle|avenida|camino)\b/i,
  },
  idNumber: { words: 'an identity number', pattern: /\b\d{3}-\d{2}-\d{4}\b|\bA-?\d{8,9}\b/i },
};

/** The kinds of personal data a note seems to hold (e-mails, phone numbers, dates, street addresses, ID numbers). */
export function notePiiKinds(note: string): PiiKind[] {
  return PII_KINDS.filter((kind) => PII_PATTERNS[kind].pattern.test(note));
}

/** What in a note looks like personal data, as English sentences for the API and the CLI. */
export function notePiiWarnings(note: string): string[] {
  return notePiiKinds(note).map(
    (kind) =>
      `This note seems to contain ${PII_PATTERNS[kind].words}. Notes must never hold a client’s personal details.`,
  );
}

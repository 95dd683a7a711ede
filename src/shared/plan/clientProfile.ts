/**
 * The client profile: a survivor's needs and circumstances, and nothing that identifies them. The planner, the CLI's
 * profile file and the Plan form all use these keys. There is deliberately no field for a name, a birth date, an
 * address or contact details, and unknown keys are refused (so nobody can slip one in).
 */
import { z } from 'zod';
import { GENDERS, IMMIGRATION_STATUSES, NEED_CODES, languageSchema, recordIdSchema, regionSchema } from '../domain';

/** Forms of trafficking a profile can state: a provider's list names `sex` or `labor`; `both` and `unknown` add to them. */
export const PROFILE_TRAFFICKING_TYPES = ['sex', 'labor', 'both', 'unknown'] as const;
/** One of {@link PROFILE_TRAFFICKING_TYPES}. */
export type ProfileTraffickingType = (typeof PROFILE_TRAFFICKING_TYPES)[number];

/** The most referral hops a profile may allow; paths are never searched deeper than this. */
export const MAX_REFERRAL_HOPS = 8;

/** A client's age: years, or just `minor` / `adult` when the exact age is not known or not shared. */
export const profileAgeSchema = z.union([z.number().int().min(0).max(120), z.enum(['minor', 'adult'])], {
  error: 'must be a whole number of years (0–120), "minor" or "adult"',
});
/** A client's age. */
export type ProfileAge = z.infer<typeof profileAgeSchema>;

/** A local date and time `YYYY-MM-DDTHH:MM` (the provider's local time, with no time zone). */
export const arrivalTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be a local date and time written YYYY-MM-DDTHH:MM')
  .refine((value) => !Number.isNaN(Date.parse(`${value}:00Z`)), 'is not a real date and time');

/** Hard limits the caseworker sets on the plan. */
export const planConstraintsSchema = z
  .object({
    /** Never a detention setting (on by default). */
    noDetention: z.boolean().default(true),
    /** Only providers that are free of charge. */
    freeOnly: z.boolean().default(false),
    /** Only providers open around the clock. */
    only24x7: z.boolean().default(false),
    /** At most this many referral hops from the starting organisation (null: no limit beyond {@link MAX_REFERRAL_HOPS}). */
    maxHops: z.number().int().min(0).max(MAX_REFERRAL_HOPS).nullable().default(null),
  })
  .strict();
/** Hard limits the caseworker sets on the plan. */
export type PlanConstraints = z.infer<typeof planConstraintsSchema>;

/** A survivor's needs and circumstances, as the planner reads them. */
export const clientProfileSchema = z
  .object({
    needs: z
      .array(z.enum(NEED_CODES))
      .min(1, 'must name at least one need')
      .max(NEED_CODES.length)
      .refine((needs) => new Set(needs).size === needs.length, 'must not name a need twice'),
    languages: z.array(languageSchema).max(10).default([]),
    age: profileAgeSchema.default('adult'),
    gender: z.enum(GENDERS).nullable().default(null),
    traffickingType: z.enum(PROFILE_TRAFFICKING_TYPES).default('unknown'),
    immigrationStatus: z.enum(IMMIGRATION_STATUSES).default('unknown'),
    /** Whether the client holds identity documents; null when unknown. */
    hasIdentityDocuments: z.boolean().nullable().default(null),
    region: regionSchema,
    arrivalTime: arrivalTimeSchema.nullable().default(null),
    constraints: planConstraintsSchema.default({ noDetention: true, freeOnly: false, only24x7: false, maxHops: null }),
    /** The caseworker's own organisation, where referral paths start. */
    startActorId: recordIdSchema.nullable().default(null),
  })
  .strict();
/** A survivor's needs and circumstances, with every default filled in. */
export type ClientProfile = z.infer<typeof clientProfileSchema>;
/** A profile as written in a file or sent by the form: fields with defaults may be left out. */
export type ClientProfileInput = z.input<typeof clientProfileSchema>;

/** Whether a profile's age makes the client a minor (under 18). */
export function isMinor(age: ProfileAge): boolean {
  return age === 'minor' || (typeof age === 'number' && age < 18);
}

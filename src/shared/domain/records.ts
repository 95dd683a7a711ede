/**
 * The records of the knowledge graph and their zod schemas. A record is validated here before anything is written,
 * and every error names the field that is wrong.
 */
import { z } from 'zod';
import { validationEn as VALIDATION } from '../i18n/messages/validation';
import {
  ACTOR_TYPES,
  CONFIDENTIAL_FIELDS,
  COST_KINDS,
  GENDERS,
  IMMIGRATION_STATUSES,
  NEED_CODES,
  RECORD_STATUSES,
  STATUTE_TYPES,
  TRAFFICKING_TYPES,
  WEEKDAYS,
} from './vocabulary';
import { isRegionCode } from './regions';

/** The longest text any single field may hold; longer input is refused rather than stored. */
export const MAX_TEXT_LENGTH = 20_000;
/** The longest name or short label. */
export const MAX_NAME_LENGTH = 300;

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, VALIDATION['validation.date'])
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    // Date rolls 2026-02-30 over to March; a real date survives the round trip unchanged.
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, VALIDATION['validation.realDate']);

/** A record id: `<kind>:<slug>`, or `sample:<slug>` for the fictional sample network. */
export const recordIdSchema = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z][a-z_]*:[a-z0-9][a-z0-9._-]*$/, VALIDATION['validation.id']);

/** A region code such as `US`, `US-CA` or `US-CA/Los Angeles County`. */
export const regionSchema = z.string().max(MAX_NAME_LENGTH).refine(isRegionCode, {
  message: VALIDATION['validation.region'],
});

/** A language code, ISO 639-1 (two letters) or ISO 639-3 (three). */
export const languageSchema = z.string().regex(/^[a-z]{2,3}$/, VALIDATION['validation.language']);

const shortText = z.string().max(MAX_NAME_LENGTH);
const longText = z.string().max(MAX_TEXT_LENGTH);

/** A time of day `HH:MM`, 24-hour; `24:00` closes at midnight. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, VALIDATION['validation.time']);

/** One opening interval on one weekday. */
export const openingHoursSchema = z
  .object({ day: z.enum(WEEKDAYS), opens: timeOfDaySchema, closes: timeOfDaySchema })
  .strict()
  .refine((hours) => hours.opens < hours.closes, {
    message: VALIDATION['validation.closesAfterOpens'],
    path: ['closes'],
  });
/** One opening interval on one weekday. */
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** A postal address; which parts are confidential is said by the record's `confidential` list. */
export const addressSchema = z
  .object({
    street: shortText.optional(),
    city: shortText.optional(),
    region: shortText.optional(),
    postalCode: z.string().max(20).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, VALIDATION['validation.country'])
      .optional(),
  })
  .strict();
/** A postal address. */
export type Address = z.infer<typeof addressSchema>;

/** A phone number with what it is for (e.g. "24-hour line", "fax"). */
export const phoneSchema = z
  .object({
    number: z
      .string()
      .min(3)
      .max(40)
      .regex(/^[0-9+()./ -]+$/, VALIDATION['validation.phone']),
    label: shortText.optional(),
  })
  .strict();
/** A phone number with what it is for. */
export type Phone = z.infer<typeof phoneSchema>;

/** Who a provider can serve. An empty list means no restriction on that attribute. */
export const eligibilitySchema = z
  .object({
    minAge: z.number().int().min(0).max(130).nullable().default(null),
    maxAge: z.number().int().min(0).max(130).nullable().default(null),
    genders: z.array(z.enum(GENDERS)).default([]),
    traffickingTypes: z.array(z.enum(TRAFFICKING_TYPES)).default([]),
    requiresDocuments: z.boolean().default(false),
    immigrationStatuses: z.array(z.enum(IMMIGRATION_STATUSES)).default([]),
    notes: longText.default(''),
  })
  .strict()
  .refine((e) => e.minAge === null || e.maxAge === null || e.minAge <= e.maxAge, {
    message: VALIDATION['validation.maxAgeBelowMin'],
    path: ['maxAge'],
  });
/** Who a provider can serve. */
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** How many places a provider has free, and when that was last known. */
export const capacitySchema = z
  .object({ available: z.number().int().min(0).max(1_000_000), updatedAt: isoDateSchema })
  .strict();
/** How many places a provider has free. */
export type Capacity = z.infer<typeof capacitySchema>;

const baseFields = {
  id: recordIdSchema,
  name: z.string().trim().min(1, VALIDATION['validation.notEmpty']).max(MAX_NAME_LENGTH),
  aliases: z.array(shortText).max(50).default([]),
  description: longText.default(''),
  tags: z.array(z.string().min(1).max(60)).max(50).default([]),
  source: z.string().trim().min(1, VALIDATION['validation.recordSource']).max(2000),
  verifiedAt: isoDateSchema.nullable().default(null),
  status: z.enum(RECORD_STATUSES).default('active'),
};

/** Contact, hours, eligibility and capacity: what actors and services share as providers of help. */
const providerFields = {
  regions: z.array(regionSchema).max(200).default([]),
  address: addressSchema.nullable().default(null),
  phones: z.array(phoneSchema).max(20).default([]),
  email: z.email(VALIDATION['validation.email']).max(MAX_NAME_LENGTH).nullable().default(null),
  url: z.string().max(2000).nullable().default(null),
  languages: z.array(languageSchema).max(100).default([]),
  hours: z.array(openingHoursSchema).max(50).default([]),
  open24x7: z.boolean().default(false),
  eligibility: eligibilitySchema.default({
    minAge: null,
    maxAge: null,
    genders: [],
    traffickingTypes: [],
    requiresDocuments: false,
    immigrationStatuses: [],
    notes: '',
  }),
  cost: z.enum(COST_KINDS).nullable().default(null),
  capacity: capacitySchema.nullable().default(null),
  detention: z.boolean().default(false),
  /** Which contact fields must never leave the app in a public export. */
  confidential: z.array(z.enum(CONFIDENTIAL_FIELDS)).default([]),
};

/** An organisation or body: agency, NGO, shelter, task force, ... */
export const actorSchema = z
  .object({ ...baseFields, kind: z.literal('actor'), actorType: z.enum(ACTOR_TYPES), ...providerFields })
  .strict();
/** An organisation or body. */
export type Actor = z.infer<typeof actorSchema>;

/** A service that an actor offers (linked by an `offers` edge) and that meets needs (`meets` edges). */
export const serviceSchema = z.object({ ...baseFields, kind: z.literal('service'), ...providerFields }).strict();
/** A service that an actor offers. */
export type Service = z.infer<typeof serviceSchema>;

/** A statute, treaty, protocol, visa, regulation or programme that creates duties or remedies. */
export const statuteSchema = z
  .object({
    ...baseFields,
    kind: z.literal('statute'),
    statuteType: z.enum(STATUTE_TYPES),
    citation: z.string().max(MAX_NAME_LENGTH).default(''),
    enactedAt: isoDateSchema.nullable().default(null),
    jurisdiction: z.string().max(MAX_NAME_LENGTH).default(''),
  })
  .strict();
/** A statute or other legal instrument. */
export type Statute = z.infer<typeof statuteSchema>;

/** One of the seed chapter's numbered policy recommendations, with its action items. */
export const recommendationSchema = z
  .object({
    ...baseFields,
    kind: z.literal('recommendation'),
    number: z.number().int().min(0).max(1000),
    title: longText,
    actionItems: z.array(longText).max(100).default([]),
  })
  .strict();
/** A policy recommendation. */
export type Recommendation = z.infer<typeof recommendationSchema>;

/** A need a survivor may have; its name and description also come in Spanish. */
export const needSchema = z
  .object({
    ...baseFields,
    kind: z.literal('need'),
    code: z.enum(NEED_CODES),
    nameEs: z.string().min(1).max(MAX_NAME_LENGTH),
    descriptionEs: longText.default(''),
  })
  .strict()
  .refine((need) => need.id === `need:${need.code}`, { message: VALIDATION['validation.needId'], path: ['id'] });
/** A need a survivor may have. */
export type Need = z.infer<typeof needSchema>;

/** Any record of the graph, told apart by `kind`. */
export const nodeRecordSchema = z.discriminatedUnion('kind', [
  actorSchema,
  serviceSchema,
  statuteSchema,
  recommendationSchema,
  needSchema,
]);
/** Any record of the graph. */
export type NodeRecord = z.infer<typeof nodeRecordSchema>;
/** A record as written by hand or sent by a form: the fields with defaults may be left out. */
export type NodeRecordInput = z.input<typeof nodeRecordSchema>;
/** Actors and services: the records that provide help to a survivor. */
export type ProviderRecord = Actor | Service;

/** Whether a record is a provider (actor or service) and so has contact, hours and eligibility fields. */
export function isProvider(record: NodeRecord): record is ProviderRecord {
  return record.kind === 'actor' || record.kind === 'service';
}

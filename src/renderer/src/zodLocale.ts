/**
 * zod's own messages (a value too long, a choice not on the list) in the UI language, for a form's parse: the shared
 * schemas' own messages are translated by issueText. Only the forms import this, so it loads with them.
 */
import type { z } from 'zod';
import spanish from 'zod/v4/locales/es.js';
import type { UiLocale } from '../../shared/i18n';

const SPANISH_ERRORS = spanish().localeError;

/** The options of a form's safeParse for the UI language (English: zod's default). */
export function parseOptionsFor(locale: UiLocale): { error?: z.core.$ZodErrorMap } {
  return locale === 'es' ? { error: SPANISH_ERRORS } : {};
}

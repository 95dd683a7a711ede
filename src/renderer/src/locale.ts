/** The UI language remembered on this machine (a module of its own: the entry script reads it before React loads). */
import type { UiLocale } from '../../shared/i18n';

export const LOCALE_KEY = 'atlas.locale';

/** The remembered UI language, English unless Spanish was chosen. */
export function storedLocale(): UiLocale {
  return localStorage.getItem(LOCALE_KEY) === 'es' ? 'es' : 'en';
}

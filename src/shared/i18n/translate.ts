/** Looking up a UI message in a language and filling in its `{placeholders}`. */
import { en, type MessageKey } from './en';
import { es } from './es';

/** The UI languages. */
export const UI_LOCALES = ['en', 'es'] as const;
/** One of {@link UI_LOCALES}. */
export type UiLocale = (typeof UI_LOCALES)[number];

/** A function giving a key's message in some language, filled in with `params`. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<UiLocale, Record<MessageKey, string>> = { en, es };

/** The message for `key` in `locale`, with each `{name}` replaced by `params[name]`. */
export function translate(locale: UiLocale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `translate` for one language. */
export function translatorFor(locale: UiLocale): Translate {
  return (key, params) => translate(locale, key, params);
}

export type { MessageKey };

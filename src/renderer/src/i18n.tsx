/** The UI language: a React context holding the locale and the `t` function every component uses for its text. */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { translatorFor, type Translate, type UiLocale } from '../../shared/i18n';
import { LOCALE_KEY, storedLocale } from './locale';

interface I18nValue {
  locale: UiLocale;
  setLocale(locale: UiLocale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the UI language, remembered between sessions on this machine. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<UiLocale>(storedLocale);
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale(next) {
        localStorage.setItem(LOCALE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: translatorFor(locale),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its `t` function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>.');
  return value;
}

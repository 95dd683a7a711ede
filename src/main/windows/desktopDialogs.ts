/**
 * The desktop app's own dialogs (Electron's message boxes), in words: pure, so each is tested without Electron. They
 * speak the system's language, English or Spanish: the UI's own choice lives in the window, which may not be open yet.
 */
import { AtlasError, storageRefusal } from '../../shared/api';
import { messageText, translatorFor, UI_LOCALES, type Translate, type UiLocale } from '../../shared/i18n';
import type { OpenFailureOffer } from '../db/backupPolicy';

/** The first of the system's preferred languages the app speaks (`es-MX` is Spanish), else English. */
export function dialogLocale(preferredLanguages: readonly string[]): UiLocale {
  for (const tag of preferredLanguages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    const spoken = UI_LOCALES.find((locale) => locale === language);
    if (spoken) return spoken;
  }
  return 'en';
}

/** An error in words: a storage failure as the user can act on it, an error given as a message in `t`'s language. */
function errorWords(error: unknown, t: Translate): string {
  const refusal = storageRefusal(error);
  const text = refusal ? refusal.text : error instanceof AtlasError ? error.text : undefined;
  if (text) return messageText(text, t);
  return refusal?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The message box shown when the database will not open: why, and what the user may do (restore, or quit). */
export function databaseFailureDialog(error: unknown, offer: OpenFailureOffer, locale: UiLocale) {
  const t = translatorFor(locale);
  const buttons =
    offer.action === 'restore' ? [t('desktop.openFailed.restore'), t('desktop.quit')] : [t('desktop.quit')];
  return {
    type: 'error' as const,
    title: t('desktop.openFailed.title'),
    message: errorWords(error, t),
    detail: messageText(offer.detail, t),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
  };
}

/** The error box shown when the app could not start for a reason not told of already. */
export function startFailureDialog(error: unknown, locale: UiLocale): { title: string; content: string } {
  const t = translatorFor(locale);
  return { title: t('desktop.startFailed.title'), content: errorWords(error, t) };
}

/** The question asked before a link leaves the app for the system browser; Cancel is the default. */
export function externalLinkDialog(url: string, host: string, locale: UiLocale) {
  const t = translatorFor(locale);
  return {
    type: 'question' as const,
    title: t('desktop.link.title'),
    message: t('desktop.link.message', { host }),
    detail: t('desktop.link.detail', { url }),
    buttons: [t('desktop.link.open'), t('desktop.link.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

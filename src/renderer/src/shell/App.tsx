/** The app shell: header with the view tabs and language switch, the main area, and the status bar. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { MessageKey } from '../../../shared/i18n';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { StatusBar } from './StatusBar';

const TABS = ['network', 'plan', 'directory', 'insights'] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const { t, locale, setLocale } = useI18n();
  const [tab, setTab] = useState<Tab>('network');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('app.info')
      .then(setInfo)
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <nav className="tabs" role="tablist" aria-label={t('tabs.label')}>
          {TABS.map((name) => (
            <button
              key={name}
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              className={tab === name ? 'tab tab--active' : 'tab'}
              onClick={() => setTab(name)}
            >
              {t(`tabs.${name}` as MessageKey)}
            </button>
          ))}
        </nav>
        <label className="language-switch">
          <span>{t('language.label')}</span>
          <select value={locale} onChange={(event) => setLocale(event.target.value === 'es' ? 'es' : 'en')}>
            <option value="en">{t('language.en')}</option>
            <option value="es">{t('language.es')}</option>
          </select>
        </label>
      </header>
      <main className="app-main" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <p className="placeholder">{t(`placeholder.${tab}` as MessageKey)}</p>
      </main>
      <StatusBar info={info} error={error} />
    </div>
  );
}

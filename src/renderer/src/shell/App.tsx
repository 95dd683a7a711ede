/** The app shell: header with the view tabs and language switch, the main area, and the status bar. */
import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/api';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { TABS, showTab, useAppState, type Tab } from '../state/appStore';
import { DirectoryView } from '../views/directory/DirectoryView';
import { InsightsView } from '../views/insights/InsightsView';
import { NetworkView } from '../views/network/NetworkView';
import { PlanView } from '../views/plan/PlanView';
import { CommandPalette } from '../search/CommandPalette';
import { StatusBar } from './StatusBar';

const VIEWS: Record<Tab, () => ReactNode> = {
  network: () => <NetworkView />,
  plan: () => <PlanView />,
  directory: () => <DirectoryView />,
  insights: () => <InsightsView />,
};

export function App() {
  const { t, locale, setLocale } = useI18n();
  const tab = useAppState((state) => state.tab);
  const dataRevision = useAppState((state) => state.dataRevision);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('app.info')
      .then((value) => {
        setInfo(value);
        setError(null);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [dataRevision]);

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
              onClick={() => showTab(name)}
            >
              {t(`tabs.${name}`)}
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
        {VIEWS[tab]()}
      </main>
      <StatusBar info={info} error={error} />
      <CommandPalette />
    </div>
  );
}

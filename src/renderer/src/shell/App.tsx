/**
 * The app shell: header (view tabs, discreet button, settings, language), the main area, the status bar, and the
 * window-wide safety and editing shortcuts (Esc twice for discreet mode, Ctrl+Z / Ctrl+Shift+Z for undo/redo).
 */
import { Suspense, lazy, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, HistoryInfo, HistoryStep } from '../../../shared/api';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { TABS, showTab, useAppState, type Tab } from '../state/appStore';
import { NetworkView } from '../views/network/NetworkView';
import { CommandPalette } from '../search/CommandPalette';
import { DiscreetScreen } from './DiscreetScreen';
import { enterDiscreetMode, useDiscreetMode, useDoubleEscape } from './discreetMode';
import { useHistoryShortcuts } from './historyShortcuts';
import { ViewLoading } from './ViewLoading';
import { SettingsMenu } from './SettingsMenu';
import { StatusBar, type HistoryNotice } from './StatusBar';
import { useNeutralTitleSetting, useWindowTitle } from './windowTitle';

// The app opens on the Network tab; the others load when first shown, so the first screen neither fetches nor runs
// their code (nor builds the schemas their forms validate with).
const PlanView = lazy(() => import('../views/plan/PlanView').then(({ PlanView }) => ({ default: PlanView })));
const DirectoryView = lazy(() =>
  import('../views/directory/DirectoryView').then(({ DirectoryView }) => ({ default: DirectoryView })),
);
const InsightsView = lazy(() =>
  import('../views/insights/InsightsView').then(({ InsightsView }) => ({ default: InsightsView })),
);

const VIEWS: Record<Tab, () => ReactNode> = {
  network: () => <NetworkView />,
  plan: () => <PlanView />,
  directory: () => <DirectoryView />,
  insights: () => <InsightsView />,
};

export function App() {
  const { t } = useI18n();
  const discreet = useDiscreetMode();
  const [neutralTitle, setNeutralTitle] = useNeutralTitleSetting();
  useDoubleEscape();
  useWindowTitle(t('app.title'), t('app.neutralTitle'), neutralTitle, discreet);
  // Discreet mode unmounts every view: nothing of what was on screen stays in the DOM.
  if (discreet) return <DiscreetScreen />;
  return <Workspace neutralTitle={neutralTitle} setNeutralTitle={setNeutralTitle} />;
}

function Workspace({ neutralTitle, setNeutralTitle }: { neutralTitle: boolean; setNeutralTitle(on: boolean): void }) {
  const { t, locale, setLocale } = useI18n();
  const tab = useAppState((state) => state.tab);
  const dataRevision = useAppState((state) => state.dataRevision);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [history, setHistory] = useState<HistoryInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Kept as what happened, not as words: a language switch translates it too.
  const [notice, setNotice] = useState<HistoryNotice | null>(null);

  useEffect(() => {
    Promise.all([call('app.info'), call('history.state')])
      .then(([value, historyState]) => {
        setInfo(value);
        setHistory(historyState);
        setError(null);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [dataRevision]);

  const onStep = useCallback(
    (direction: 'undo' | 'redo', step: HistoryStep | null) => setNotice({ direction, step }),
    [],
  );
  useHistoryShortcuts(onStep);

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? 'network';
    showTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <nav className="tabs" role="tablist" aria-label={t('tabs.label')}>
          {TABS.map((name, index) => (
            <button
              key={name}
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              className={tab === name ? 'tab tab--active' : 'tab'}
              onClick={() => showTab(name)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </nav>
        <div className="app-header__end">
          <button
            type="button"
            className="button button--discreet"
            onClick={enterDiscreetMode}
            title={t('discreet.buttonHint')}
          >
            {t('discreet.button')}
          </button>
          <SettingsMenu neutralTitle={neutralTitle} setNeutralTitle={setNeutralTitle} />
          <label className="language-switch">
            <span>{t('language.label')}</span>
            <select value={locale} onChange={(event) => setLocale(event.target.value === 'es' ? 'es' : 'en')}>
              <option value="en">{t('language.en')}</option>
              <option value="es">{t('language.es')}</option>
            </select>
          </label>
        </div>
      </header>
      <main className="app-main" id="main" role="tabpanel" tabIndex={-1} aria-labelledby={`tab-${tab}`}>
        <div id={`panel-${tab}`} className="app-main__view">
          <Suspense fallback={<ViewLoading />}>{VIEWS[tab]()}</Suspense>
        </div>
      </main>
      <StatusBar info={info} error={error} history={history} notice={notice} onStep={onStep} />
      <CommandPalette />
    </div>
  );
}

/**
 * The Insights tab: who is central in the coalition's partner network, where the gaps are, which partners are
 * single points of failure, what is stale, and where law and policy stand; with the one-page coalition report.
 */
import { useState, type ReactNode } from 'react';
import { ACTOR_TYPES, type ActorType } from '../../../../shared/domain';
import type { CentralityMeasure } from '../../../../shared/api/methods/insightsMethods';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { CentralityPanel } from './CentralityPanel';
import { CoveragePanel } from './CoveragePanel';
import { FailuresPanel } from './FailuresPanel';
import { downloadFile, downloadText } from './insightsFormat';
import { LawPolicyPanel } from './LawPolicyPanel';
import { useCall, type CallState } from './useCall';
import { VerificationPanel } from './VerificationPanel';
import './insights.css';

const MEASURES: CentralityMeasure[] = ['betweenness', 'degree', 'closeness', 'pagerank'];

export function InsightsView() {
  const { t, locale } = useI18n();
  const [region, setRegion] = useState('');
  const [actorType, setActorType] = useState<ActorType | ''>('');
  const [measure, setMeasure] = useState<CentralityMeasure>('betweenness');
  const [includeReferrals, setIncludeReferrals] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const scope = { region: region || undefined, includeReferrals };

  const centrality = useCall('insights.centrality', {
    ...scope,
    actorType: actorType || undefined,
    measure,
    limit: 25,
  });
  const coverage = useCall('insights.coverage', { within: region || undefined, limit: 5_000 });
  const failures = useCall('insights.singlePoints', { ...scope, limit: 15 });
  const queue = useCall('insights.verificationQueue', { limit: 15 });
  const policy = useCall('insights.policy', {});
  const regions = centrality.value?.regions ?? [];

  const makeReport = async (format: 'html' | 'pdf') => {
    setReport(t('insights.report.working'));
    try {
      const file = await call('insights.report', { ...scope, format, locale });
      if (file.encoding === 'base64') downloadFile(file.fileName, file.mediaType, file.content);
      else downloadText(file.fileName, file.mediaType, file.content);
      setReport(null);
    } catch (error) {
      setReport(t('insights.report.failed', { message: errorText(error, t) }));
    }
  };

  return (
    <div className="insights" data-testid="insights-view">
      <div className="insights-toolbar" role="group" aria-label={t('insights.title')}>
        <h1 className="insights-toolbar__title">{t('insights.title')}</h1>
        <label className="insights-field">
          <span>{t('insights.filter.region')}</span>
          <select value={region} onChange={(event) => setRegion(event.target.value)} data-testid="insights-region">
            <option value="">{t('insights.filter.allRegions')}</option>
            {regions.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label className="insights-field">
          <span>{t('insights.filter.actorType')}</span>
          <select value={actorType} onChange={(event) => setActorType(event.target.value as ActorType | '')}>
            <option value="">{t('insights.filter.allTypes')}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`insights.actorType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="insights-field">
          <span>{t('insights.filter.measure')}</span>
          <select
            value={measure}
            onChange={(event) => setMeasure(event.target.value as CentralityMeasure)}
            data-testid="insights-measure"
          >
            {MEASURES.map((name) => (
              <option key={name} value={name}>
                {t(`insights.measure.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="insights-check">
          <input
            type="checkbox"
            checked={includeReferrals}
            onChange={(event) => setIncludeReferrals(event.target.checked)}
          />
          <span>{t('insights.filter.referrals')}</span>
        </label>
        <div className="insights-toolbar__end">
          <button type="button" className="button" onClick={() => void makeReport('html')}>
            {t('insights.report.html')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void makeReport('pdf')}>
            {t('insights.report.pdf')}
          </button>
          {report && (
            <span role="status" className="insights-status">
              {report}
            </span>
          )}
        </div>
      </div>
      <div className="insights-body">
        <Loaded state={centrality}>{(value) => <CentralityPanel result={value} />}</Loaded>
        <Loaded state={coverage}>{(value) => <CoveragePanel result={value} />}</Loaded>
        <div className="insights-pair">
          <Loaded state={failures}>
            {(value) => <FailuresPanel result={value} matrix={coverage.value?.matrix ?? null} />}
          </Loaded>
          <Loaded state={queue}>{(value) => <VerificationPanel result={value} />}</Loaded>
        </div>
        <Loaded state={policy}>{(value) => <LawPolicyPanel policy={value} />}</Loaded>
      </div>
    </div>
  );
}

/** A panel once its data has come, with the error or a quiet "computing" until then. */
function Loaded<T>({ state, children }: { state: CallState<T>; children: (value: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.error)
    return <p className="insights-error insights-panel">{t('insights.error', { message: state.error })}</p>;
  if (!state.value) return <p className="muted insights-panel">{t('insights.loading')}</p>;
  return <div className={state.loading ? 'insights-stale' : undefined}>{children(state.value)}</div>;
}

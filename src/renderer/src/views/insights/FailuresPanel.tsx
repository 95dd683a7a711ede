/** Single points of failure: who the coalition cannot lose, and what it would lose with them. */
import type { CoverageMatrix, SinglePointsResult } from '../../../../shared/api/methods/insightsMethods';
import { shortRegion } from '../../../../shared/insights/heatmapSvg';
import { useI18n } from '../../i18n';
import { openRecord } from '../../state/appStore';
import { needName } from './insightsFormat';

const PLACES_SHOWN = 3;

export function FailuresPanel({ result, matrix }: { result: SinglePointsResult; matrix: CoverageMatrix | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="insights-panel" aria-labelledby="insights-spof">
      <header className="insights-panel__head">
        <h2 id="insights-spof">{t('insights.spof.title')}</h2>
        <p className="muted">{t('insights.spof.caption')}</p>
      </header>
      {result.rows.length === 0 ? (
        <p className="muted">{t('insights.spof.none')}</p>
      ) : (
        <div className="insights-table-wrap">
          <table className="insights-table" data-testid="spof-table">
            <caption className="visually-hidden">{t('insights.spof.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.spof.actor')}</th>
                <th scope="col" className="num">
                  {t('insights.spof.cutOff')}
                </th>
                <th scope="col">{t('insights.spof.uncovered')}</th>
                <th scope="col" className="num">
                  {t('insights.spof.impact')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <button type="button" className="link" onClick={() => openRecord(row.id)}>
                      {row.name}
                    </button>
                  </td>
                  <td className="num">{row.actorsCutOff || '—'}</td>
                  <td>
                    {row.needsLeftUncovered.length === 0
                      ? '—'
                      : row.needsLeftUncovered
                          .slice(0, PLACES_SHOWN)
                          .map((lost) =>
                            t('insights.spof.where', {
                              need: needName(matrix, lost.need, locale),
                              region: shortRegion(lost.region),
                            }),
                          )
                          .join('; ')}
                    {row.needsLeftUncovered.length > PLACES_SHOWN && (
                      <span className="muted">
                        {' '}
                        {t('insights.spof.more', { count: row.needsLeftUncovered.length - PLACES_SHOWN })}
                      </span>
                    )}
                  </td>
                  <td className="num">{row.impact}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

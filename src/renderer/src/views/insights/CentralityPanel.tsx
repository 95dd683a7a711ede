/** The ranked centrality table, the communities, and the buttons that draw them in the network view. */
import type { CentralityMeasure, CentralityResult } from '../../../../shared/api/methods/insightsMethods';
import { useI18n } from '../../i18n';
import { openRecord, setGraphOverlay, useAppState } from '../../state/appStore';
import { communityColour, formatScore, OTHER_COMMUNITY_COLOUR, COMMUNITY_COLOURS } from './insightsFormat';

const MEASURES: CentralityMeasure[] = ['degree', 'betweenness', 'closeness', 'pagerank'];

export function CentralityPanel({ result }: { result: CentralityResult }) {
  const { t } = useI18n();
  const overlay = useAppState((state) => state.overlay);
  const measureName = t(`insights.measure.${result.measure}`);
  const { network } = result;

  const sizeBy = () =>
    setGraphOverlay({
      label: t('insights.centrality.overlaySize', { measure: measureName }),
      size: result.overlay.size,
      color: overlay?.color,
      legend: overlay?.legend,
    });
  const colourBy = () => {
    const color: Record<string, string> = {};
    for (const [id, index] of Object.entries(result.overlay.community)) color[id] = communityColour(index);
    const named = result.communities.slice(0, COMMUNITY_COLOURS.length);
    setGraphOverlay({
      label: t('insights.centrality.overlayCommunity'),
      size: overlay?.size,
      color,
      legend: [
        ...named.map((c) => ({ color: communityColour(c.index), label: `${c.leadName} (${c.size})` })),
        { color: OTHER_COMMUNITY_COLOUR, label: t('insights.centrality.overlayOther') },
      ],
    });
  };

  return (
    <section className="insights-panel insights-panel--wide" aria-labelledby="insights-centrality">
      <header className="insights-panel__head">
        <h2 id="insights-centrality">{t('insights.centrality.title')}</h2>
        <p className="muted">
          {t('insights.centrality.network', {
            actors: network.actors,
            links: network.links,
            components: network.components,
          })}
          {' · '}
          {t(`insights.measureHelp.${result.measure}`)}
        </p>
        {!network.exact && (
          <p className="insights-note">{t('insights.centrality.estimated', { sources: network.sources })}</p>
        )}
        <div className="insights-actions">
          <button type="button" className="button" onClick={sizeBy}>
            {t('insights.centrality.sizeBy', { measure: measureName })}
          </button>
          <button type="button" className="button" onClick={colourBy}>
            {t('insights.centrality.colourBy')}
          </button>
          {overlay && (
            <button type="button" className="button" onClick={() => setGraphOverlay(null)}>
              {t('insights.centrality.clearOverlay')}
            </button>
          )}
          {overlay && (
            <span className="muted" role="status">
              {t('insights.centrality.overlaySet')}
            </span>
          )}
        </div>
      </header>
      <div className="insights-split">
        <div className="insights-table-wrap">
          {result.rows.length === 0 ? (
            <p className="muted">{t('insights.centrality.empty')}</p>
          ) : (
            <table className="insights-table" data-testid="centrality-table">
              <caption className="visually-hidden">{t('insights.centrality.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.centrality.rank')}</th>
                  <th scope="col">{t('insights.centrality.name')}</th>
                  <th scope="col">{t('insights.centrality.type')}</th>
                  <th scope="col" className="num">
                    {t('insights.centrality.partners')}
                  </th>
                  {MEASURES.map((measure) => (
                    <th
                      key={measure}
                      scope="col"
                      className={measure === result.measure ? 'num insights-table__sorted' : 'num'}
                      aria-sort={measure === result.measure ? 'descending' : undefined}
                    >
                      {t(`insights.measure.${measure}`)}
                    </th>
                  ))}
                  <th scope="col">{t('insights.centrality.community')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, i) => (
                  <tr key={row.id}>
                    <td className="num">{i + 1}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => openRecord(row.id)}
                        title={t('insights.centrality.open', { name: row.name })}
                      >
                        {row.name}
                      </button>
                    </td>
                    <td>{t(`insights.actorType.${row.actorType}`)}</td>
                    <td className="num">{row.partners}</td>
                    {MEASURES.map((measure) => (
                      <td key={measure} className={measure === result.measure ? 'num insights-table__sorted' : 'num'}>
                        {measure === result.measure && (
                          <span
                            className="insights-bar"
                            style={{ width: `${Math.round((row[measure] / (result.rows[0]![measure] || 1)) * 100)}%` }}
                            aria-hidden="true"
                          />
                        )}
                        <span className="insights-bar__value">{formatScore(row[measure])}</span>
                      </td>
                    ))}
                    <td className="insights-table__community">
                      <span
                        className="insights-swatch"
                        style={{ background: communityColour(row.community) }}
                        aria-hidden="true"
                      />
                      {result.communities.find((c) => c.index === row.community)?.leadName ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            {t('insights.centrality.showing', { shown: result.rows.length, total: result.total })}
          </p>
        </div>
        <aside className="insights-communities" aria-labelledby="insights-communities">
          <h3 id="insights-communities">{t('insights.communities.title')}</h3>
          <p className="muted">{t('insights.communities.modularity', { value: result.modularity.toFixed(2) })}</p>
          {result.communities.length === 0 ? (
            <p className="muted">{t('insights.communities.none')}</p>
          ) : (
            <ol className="insights-community-list">
              {result.communities.slice(0, 12).map((community) => (
                <li key={community.index}>
                  <span
                    className="insights-swatch"
                    style={{ background: communityColour(community.index) }}
                    aria-hidden="true"
                  />
                  <button type="button" className="link" onClick={() => openRecord(community.leadId)}>
                    {t('insights.communities.item', { name: community.leadName })}
                  </button>
                  <span className="muted"> {t('insights.communities.size', { size: community.size })}</span>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </section>
  );
}

/** Law and policy: what a chosen statute mandates and creates, and how far each recommendation has got. */
import { useState } from 'react';
import type { NodeSummary } from '../../../../shared/api';
import type { PolicyProgress, StatuteImpact } from '../../../../shared/api/methods/insightsMethods';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { openRecord } from '../../state/appStore';
import { useCall } from './useCall';

export function LawPolicyPanel({ policy }: { policy: PolicyProgress & { statutes: NodeSummary[] } }) {
  const { t } = useI18n();
  const [statuteId, setStatuteId] = useState<string>(
    () => policy.statutes.find((s) => s.id === 'statute:tvpa-2000')?.id ?? policy.statutes[0]?.id ?? '',
  );
  return (
    <section className="insights-panel insights-panel--wide" aria-labelledby="insights-law">
      <header className="insights-panel__head">
        <h2 id="insights-law">{t('insights.law.title')}</h2>
      </header>
      <div className="insights-split insights-split--even">
        <div>
          <label className="insights-field">
            <span>{t('insights.law.pick')}</span>
            <select value={statuteId} onChange={(event) => setStatuteId(event.target.value)}>
              {statuteId === '' && <option value="">{t('insights.law.choose')}</option>}
              {policy.statutes.map((statute) => (
                <option key={statute.id} value={statute.id}>
                  {statute.name}
                </option>
              ))}
            </select>
          </label>
          {statuteId && <StatuteDetails id={statuteId} />}
        </div>
        <Recommendations policy={policy} />
      </div>
    </section>
  );
}

function StatuteDetails({ id }: { id: string }) {
  const { t } = useI18n();
  const impact = useCall('insights.statute', { id });
  if (impact.error) return <p className="insights-error">{impact.error}</p>;
  if (!impact.value) return <p className="muted">{t('insights.loading')}</p>;
  const found: StatuteImpact = impact.value;
  const lists: [MessageKey, NodeSummary[]][] = [
    ['insights.law.mandates', found.mandates],
    ['insights.law.creates', found.creates],
    ['insights.law.eligibility', found.eligibility],
    ['insights.law.established', found.established],
    ['insights.law.amends', found.amends],
    ['insights.law.amendedBy', found.amendedBy],
  ];
  return (
    <div className="insights-statute" data-testid="statute-impact">
      {found.statute.citation && <p className="muted">{found.statute.citation}</p>}
      <dl>
        {lists
          .filter(
            ([key, items]) => items.length > 0 || key === 'insights.law.mandates' || key === 'insights.law.creates',
          )
          .map(([key, items]) => (
            <div key={key} className="insights-statute__group">
              <dt>{t(key)}</dt>
              <dd>
                {items.length === 0 ? (
                  <span className="muted">{t('insights.law.nothing')}</span>
                ) : (
                  <ul>
                    {items.map((item) => (
                      <li key={item.id}>
                        <button type="button" className="link" onClick={() => openRecord(item.id)}>
                          {item.name}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        <div className="insights-statute__group">
          <dt>{t('insights.law.citedBy')}</dt>
          <dd>
            {found.citedBy.length === 0 ? (
              <span className="muted">{t('insights.law.nothing')}</span>
            ) : (
              <ul>
                {found.citedBy.map((recommendation) => (
                  <li key={recommendation.id}>
                    {recommendation.number}. {recommendation.title}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Recommendations({ policy }: { policy: PolicyProgress }) {
  const { t } = useI18n();
  return (
    <div>
      <h3>{t('insights.policy.title')}</h3>
      <p className="muted">{t('insights.policy.summary', policy.summary)}</p>
      <table className="insights-table" data-testid="policy-table">
        <caption className="visually-hidden">{t('insights.policy.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('insights.policy.number')}
            </th>
            <th scope="col">{t('insights.policy.recommendation')}</th>
            <th scope="col">{t('insights.policy.implementing')}</th>
            <th scope="col">{t('insights.policy.status')}</th>
          </tr>
        </thead>
        <tbody>
          {policy.recommendations.map((recommendation) => (
            <tr key={recommendation.id}>
              <td className="num">{recommendation.number}</td>
              <td>
                <details>
                  <summary>{recommendation.title}</summary>
                  <p className="muted">{t('insights.policy.directedAt')}:</p>
                  <ul className="insights-directed">
                    {recommendation.directedAt.map(({ actor, implementing }) => (
                      <li key={actor.id}>
                        <button type="button" className="link" onClick={() => openRecord(actor.id)}>
                          {actor.name}
                        </button>
                        {implementing && (
                          <span className="insights-implements"> ✓ {t('insights.policy.implements')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                  {recommendation.otherImplementers.length > 0 && (
                    <p className="muted">
                      {t('insights.policy.others', {
                        names: recommendation.otherImplementers.map((a) => a.name).join(', '),
                      })}
                    </p>
                  )}
                </details>
              </td>
              <td>
                <span className="insights-progress" aria-hidden="true">
                  <span
                    style={{
                      width: `${recommendation.directedAt.length ? Math.round((recommendation.implementing / recommendation.directedAt.length) * 100) : 0}%`,
                    }}
                  />
                </span>
                {t('insights.policy.count', {
                  implementing: recommendation.implementing,
                  directed: recommendation.directedAt.length,
                })}
              </td>
              <td>
                <span className={`insights-status-pill insights-status-pill--${recommendation.status}`}>
                  {t(`insights.policy.status.${recommendation.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

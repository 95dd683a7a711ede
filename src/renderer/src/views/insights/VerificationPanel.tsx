/** The verification queue: stale records, most important first, each with a "mark verified" action. */
import { useState } from 'react';
import type { VerificationQueueResult } from '../../../../shared/api/methods/insightsMethods';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { notifyDataChanged, openRecord } from '../../state/appStore';

export function VerificationPanel({ result }: { result: VerificationQueueResult }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const mark = async (ids: string[]) => {
    setBusy(true);
    try {
      const done = await call('insights.markVerified', { ids });
      setMessage(t('insights.verify.marked', { count: done.updated, date: done.verifiedAt }));
      notifyDataChanged();
    } catch (error) {
      setMessage(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="insights-panel" aria-labelledby="insights-verify">
      <header className="insights-panel__head">
        <h2 id="insights-verify">{t('insights.verify.title')}</h2>
        <p className="muted">{t('insights.verify.count', { count: result.total })}</p>
        <p role="status" className="insights-status">
          {message}
        </p>
      </header>
      {result.rows.length === 0 ? (
        <p className="muted">{t('insights.verify.none')}</p>
      ) : (
        <div className="insights-table-wrap">
          <table className="insights-table" data-testid="verification-table">
            <caption className="visually-hidden">{t('insights.verify.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.verify.record')}</th>
                <th scope="col">{t('insights.verify.kind')}</th>
                <th scope="col">{t('insights.verify.lastVerified')}</th>
                <th scope="col" className="num">
                  {t('insights.verify.needs')}
                </th>
                <th scope="col" className="num">
                  {t('insights.verify.importance')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('insights.verify.mark')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((item) => (
                <tr key={item.id}>
                  <td>
                    <button type="button" className="link" onClick={() => openRecord(item.id)}>
                      {item.name}
                    </button>
                  </td>
                  <td>{t(`insights.kind.${item.kind}`)}</td>
                  <td>
                    {item.verifiedAt === null ? (
                      <span className="badge badge--stale">{t('insights.verify.never')}</span>
                    ) : (
                      t('insights.verify.daysAgo', { date: item.verifiedAt, days: item.daysSince ?? 0 })
                    )}
                  </td>
                  <td className="num">{item.needsCovered}</td>
                  <td className="num">{item.importance.toFixed(2)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={t('insights.verify.markOne', { name: item.name })}
                      onClick={() => void mark([item.id])}
                    >
                      {t('insights.verify.mark')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

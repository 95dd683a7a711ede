/**
 * The neutral screen of discreet mode: a blank notes page with nothing about the app on it. Coming back takes two
 * deliberate steps (a button, then a confirmation), so a stray key press never reveals the screen again.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { leaveDiscreetMode } from './discreetMode';

export function DiscreetScreen() {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  return (
    <div className="discreet" data-testid="discreet-screen">
      <div className="discreet__page">
        <h1 className="discreet__title">{t('discreet.title')}</h1>
        <p className="discreet__text">{t('discreet.empty')}</p>
      </div>
      <div className="discreet__return">
        {asking ? (
          <div role="group" aria-label={t('discreet.confirm')} className="discreet__confirm">
            <span>{t('discreet.confirm')}</span>
            <button ref={confirmRef} type="button" className="button button--primary" onClick={leaveDiscreetMode}>
              {t('discreet.yes')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('discreet.no')}
            </button>
          </div>
        ) : (
          <button type="button" className="discreet__open" onClick={() => setAsking(true)}>
            {t('discreet.open')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The settings popover in the header: the neutral window title, and how discreet mode works. */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export function SettingsMenu({
  neutralTitle,
  setNeutralTitle,
}: {
  neutralTitle: boolean;
  setNeutralTitle(on: boolean): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node))
        setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="settings" ref={ref}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((value) => !value)}
      >
        {t('settings.button')}
      </button>
      {open && (
        <div className="settings__panel" id={`${id}-panel`} role="group" aria-label={t('settings.button')}>
          <label className="settings__option">
            <input type="checkbox" checked={neutralTitle} onChange={(event) => setNeutralTitle(event.target.checked)} />
            <span>
              {t('settings.neutralTitle')}
              <small>{t('settings.neutralTitleHint', { title: t('app.neutralTitle') })}</small>
            </span>
          </label>
          <p className="settings__note">{t('settings.discreetHint')}</p>
        </div>
      )}
    </div>
  );
}

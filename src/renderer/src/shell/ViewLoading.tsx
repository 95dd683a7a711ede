/** Shown for the moment a view's (or a form's) code takes to load the first time it is opened. */
import { useI18n } from '../i18n';

export function ViewLoading() {
  const { t } = useI18n();
  return (
    <p className="view-loading" role="status">
      {t('status.loading')}
    </p>
  );
}

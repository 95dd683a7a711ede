/** The Network tab. Until its issue lands it says what is coming. */
import { useI18n } from '../../i18n';

export function NetworkView() {
  const { t } = useI18n();
  return <p className="placeholder">{t('placeholder.network')}</p>;
}

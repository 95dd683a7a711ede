/** The status bar: which database is open and what it holds, from `app.info`. */
import type { AppInfo } from '../../../shared/api';
import { NODE_KINDS } from '../../../shared/domain';
import { transportName } from '../api/client';
import { useI18n } from '../i18n';

export function StatusBar({ info, error }: { info: AppInfo | null; error: string | null }) {
  const { t } = useI18n();
  if (error) {
    return (
      <footer className="status-bar status-bar--error" role="status">
        {t('status.error', { message: error })}
      </footer>
    );
  }
  if (!info) {
    return (
      <footer className="status-bar" role="status">
        {t('status.loading')}
      </footer>
    );
  }
  const total = NODE_KINDS.reduce((sum, kind) => sum + info.counts.nodes[kind], 0);
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span title={info.databasePath} data-testid="status-database">
        {t('status.database')}: {info.databasePath}
      </span>
      <span data-testid="status-records">{t('status.records', { count: total })}</span>
      <span className="status-bar__kinds">
        {NODE_KINDS.map((kind) => (
          <span key={kind} data-testid={`status-count-${kind}`}>
            {t(`kind.${kind}`)} {info.counts.nodes[kind]}
          </span>
        ))}
      </span>
      <span data-testid="status-relations">{t('status.relations', { count: info.counts.edges })}</span>
      <span>{info.lastBackupAt ? t('status.lastBackup', { when: info.lastBackupAt.slice(0, 16).replace('T', ' ') }) : t('status.noBackup')}</span>
      <span className="status-bar__transport">{t(`status.transport.${transportName()}`)}</span>
    </footer>
  );
}

/** The status bar: which database is open and what it holds, the last backup, undo and redo, and long work. */
import type { AppInfo, HistoryInfo } from '../../../shared/api';
import { NODE_KINDS } from '../../../shared/domain';
import { transportName } from '../api/client';
import { useI18n } from '../i18n';
import { stepHistory } from './historyShortcuts';
import { useRunningTasks } from './taskProgress';

export function StatusBar({
  info,
  error,
  history,
  notice,
  onStep,
}: {
  info: AppInfo | null;
  error: string | null;
  history: HistoryInfo | null;
  notice: string | null;
  onStep(direction: 'undo' | 'redo', label: string | null): void;
}) {
  const { t } = useI18n();
  const tasks = useRunningTasks();
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
  const step = (direction: 'undo' | 'redo') =>
    void stepHistory(direction).then((result) => onStep(direction, result.label));
  return (
    <footer className="status-bar">
      <span className="status-bar__path" title={info.databasePath} data-testid="status-database">
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
      <span>
        {info.lastBackupAt
          ? t('status.lastBackup', { when: info.lastBackupAt.slice(0, 16).replace('T', ' ') })
          : t('status.noBackup')}
      </span>
      {history && (
        <span className="status-bar__history" data-testid="status-history">
          <button
            type="button"
            className="status-button"
            disabled={!history.canUndo}
            onClick={() => step('undo')}
            title={t('history.undoShortcut')}
          >
            {history.canUndo ? t('history.undo', { label: history.undoLabel ?? '' }) : t('history.cannotUndo')}
          </button>
          {history.canRedo && (
            <button
              type="button"
              className="status-button"
              onClick={() => step('redo')}
              title={t('history.redoShortcut')}
            >
              {t('history.redo', { label: history.redoLabel ?? '' })}
            </button>
          )}
        </span>
      )}
      {tasks.map((task) => (
        <span key={task.id} className="status-bar__task" role="status">
          <progress max={1} value={task.progress ?? undefined} aria-label={task.label} />
          {task.label}
          {task.cancel && (
            <button type="button" className="status-button" onClick={task.cancel}>
              {t('status.cancel')}
            </button>
          )}
        </span>
      ))}
      <span className="status-bar__notice" role="status" aria-live="polite" data-testid="status-notice">
        {notice}
      </span>
      <span className="status-bar__transport">{t(`status.transport.${transportName()}`)}</span>
    </footer>
  );
}

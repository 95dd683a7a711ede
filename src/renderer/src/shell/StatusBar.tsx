/** The status bar: which database is open and what it holds, the last backup, undo and redo, and long work. */
import type { AppInfo, HistoryInfo, HistoryStep } from '../../../shared/api';
import { NODE_KINDS } from '../../../shared/domain';
import { transportName } from '../api/client';
import { useI18n } from '../i18n';
import type { Translate } from '../../../shared/i18n';
import { stepHistory, stepName } from './historyShortcuts';
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
  /** The last undo or redo (step null: there was nothing to undo or redo), named in the language in use. */
  notice: HistoryNotice | null;
  onStep(direction: 'undo' | 'redo', step: HistoryStep | null): void;
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
  const undoText = history?.undo ? t('history.undo', { label: stepName(history.undo, t) }) : t('history.cannotUndo');
  const redoText = history?.redo ? t('history.redo', { label: stepName(history.redo, t) }) : '';
  const noticeLine = notice && noticeText(notice, t);
  const step = (direction: 'undo' | 'redo') =>
    void stepHistory(direction).then((result) => onStep(direction, result.step));
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
            disabled={!history.undo}
            onClick={() => step('undo')}
            // The whole text too: a long one is cut short in the button.
            title={`${undoText} (${t('history.undoShortcut')})`}
          >
            {undoText}
          </button>
          {history.redo && (
            <button
              type="button"
              className="status-button"
              onClick={() => step('redo')}
              title={`${redoText} (${t('history.redoShortcut')})`}
            >
              {redoText}
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
      <span
        className="status-bar__notice"
        role="status"
        aria-live="polite"
        data-testid="status-notice"
        title={noticeLine ?? undefined}
      >
        {noticeLine}
      </span>
      <span className="status-bar__transport">{t(`status.transport.${transportName()}`)}</span>
    </footer>
  );
}

/** What the status bar says after an undo or a redo. */
export interface HistoryNotice {
  direction: 'undo' | 'redo';
  step: HistoryStep | null;
}

function noticeText({ direction, step }: HistoryNotice, t: Translate): string {
  if (!step) return t(direction === 'undo' ? 'history.nothingToUndo' : 'history.nothingToRedo');
  return t(direction === 'undo' ? 'history.undone' : 'history.redone', { label: stepName(step, t) });
}

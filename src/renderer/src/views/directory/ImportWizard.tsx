/**
 * The import wizard: choose the file(s), check them (a dry run: validation report and merge diff), then apply in
 * one undoable change. Cancel at any step discards the result; nothing is written before "Apply".
 */
import { useId, useRef, useState } from 'react';
import type { ImportFormatName, ImportReport } from '../../../../shared/api/methods/ioMethods';
import { IMPORT_FORMAT_NAMES } from '../../../../shared/api/methods/ioMethods';
import { describeImportIssue, IMPORT_COUNT_KEYS } from '../../../../shared/interchange/importPlan';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { notifyDataChanged } from '../../state/appStore';
import { fileToBase64 } from '../../files/download';

type Step = 'choose' | 'checking' | 'review' | 'applying' | 'done';
type Format = ImportFormatName;

export function ImportWizard({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const formId = useId();
  const [format, setFormat] = useState<Format>('hsds-json');
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>('choose');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = useRef(0);
  const payload = useRef<{ name: string; contentBase64: string }[]>([]);

  const check = async () => {
    const ticket = ++run.current;
    setStep('checking');
    setMessage(null);
    try {
      payload.current = await Promise.all(
        files.map(async (file) => ({ name: file.name, contentBase64: await fileToBase64(file) })),
      );
      const result = await call('io.importPreview', { format, files: payload.current });
      if (ticket !== run.current) return;
      setReport(result);
      setStep('review');
    } catch (error) {
      if (ticket !== run.current) return;
      setMessage(errorText(error, t));
      setStep('choose');
    }
  };

  const apply = async () => {
    const ticket = ++run.current;
    setStep('applying');
    try {
      const result = await call('io.importApply', { format, files: payload.current });
      if (ticket !== run.current) return;
      notifyDataChanged();
      setMessage(
        t('directory.wizard.applied', {
          added: result.addedCount,
          changed: result.changedCount,
          backup: result.backupPath,
        }),
      );
      setStep('done');
    } catch (error) {
      setMessage(errorText(error, t));
      setStep('review');
    }
  };

  const cancel = () => {
    run.current++;
    payload.current = [];
    if (step !== 'done') setMessage(t('directory.wizard.cancelled'));
    setReport(null);
    setStep('choose');
    if (step === 'choose' || step === 'done') onClose();
  };

  const stepNumber = step === 'choose' || step === 'checking' ? 1 : step === 'review' ? 2 : 3;
  return (
    <section className="import-wizard" aria-label={t('directory.wizard.title')} data-testid="import-wizard">
      <header>
        <h2>{t('directory.wizard.title')}</h2>
        <span className="muted">{t('directory.wizard.step', { step: stepNumber })}</span>
      </header>
      {step === 'choose' && (
        <div className="wizard-row">
          <label>
            {t('directory.wizard.format')}
            <select
              value={format}
              onChange={(event) => setFormat(event.target.value as Format)}
              data-testid="import-format"
            >
              {IMPORT_FORMAT_NAMES.map((name) => (
                <option key={name} value={name}>
                  {t(`directory.formatName.${name}`)}
                </option>
              ))}
            </select>
          </label>
          {/* The browser's own file control speaks the system's language, not the app's: it is hidden, and a label in
              the app's words opens it (the hidden input still takes the focus and the keyboard). */}
          <div className="file-choice">
            <span>{t('directory.wizard.file')}</span>
            <span className="file-choice__row">
              <input
                id={`${formId}-file`}
                className="visually-hidden"
                type="file"
                multiple
                accept=".json,.csv,.xlsx"
                data-testid="import-file"
                aria-describedby={`${formId}-chosen`}
                // It looks like a button, so Enter opens it too (the browser's own control opens on the space bar).
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  event.currentTarget.click();
                }}
                onChange={(event) => {
                  const chosen = [...(event.target.files ?? [])];
                  setFiles(chosen);
                  // A workbook can only be a coalition spreadsheet: spare the user choosing the format.
                  if (chosen.length > 0 && chosen.every((file) => /\.xlsx$/i.test(file.name)))
                    setFormat('elements-xlsx');
                }}
              />
              <label htmlFor={`${formId}-file`} className="button">
                {t('directory.wizard.chooseFiles')}
              </label>
              <span id={`${formId}-chosen`} className="muted file-choice__names">
                {files.length === 0 ? t('directory.wizard.noFiles') : files.map((file) => file.name).join(', ')}
              </span>
            </span>
          </div>
          <button type="button" disabled={files.length === 0} onClick={() => void check()} data-testid="import-check">
            {t('directory.wizard.previewButton')}
          </button>
        </div>
      )}
      {(step === 'checking' || step === 'applying') && (
        <p role="status">
          <progress /> {t(step === 'checking' ? 'directory.wizard.checking' : 'directory.wizard.applying')}
        </p>
      )}
      {report && step === 'review' && <ReportView report={report} />}
      {message && (
        <p role="status" className="wizard-message" data-testid="import-message">
          {message}
        </p>
      )}
      <footer>
        {step === 'review' && report?.canApply && (
          <button type="button" className="primary" onClick={() => void apply()} data-testid="import-apply">
            {t('directory.wizard.apply')}
          </button>
        )}
        <button type="button" onClick={cancel} data-testid="import-cancel">
          {t('directory.wizard.cancel')}
        </button>
      </footer>
    </section>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        <strong>{t('directory.wizard.counts')}:</strong>{' '}
        {IMPORT_COUNT_KEYS.filter((key) => report.counts[key] !== undefined)
          .map((key) => t(`directory.wizard.count.${key}`, { count: report.counts[key]! }))
          .join(', ')}
      </p>
      {report.errorCount > 0 && (
        <details open className="problems">
          <summary>{t('directory.wizard.errors', { count: report.errorCount })}</summary>
          <ul>
            {report.errors.map((issue, i) => (
              <li key={i}>{describeImportIssue(issue, t)}</li>
            ))}
          </ul>
        </details>
      )}
      {report.warningCount > 0 && (
        <details>
          <summary>{t('directory.wizard.warnings', { count: report.warningCount })}</summary>
          <ul>
            {report.warnings.map((issue, i) => (
              <li key={i}>{describeImportIssue(issue, t)}</li>
            ))}
          </ul>
        </details>
      )}
      <details open={report.addedCount > 0 && report.addedCount < 20}>
        <summary>{t('directory.wizard.added', { count: report.addedCount })}</summary>
        <ul>
          {report.added.map((entry) => (
            <li key={entry.id}>
              {entry.name} <code>{entry.id}</code>
            </li>
          ))}
        </ul>
      </details>
      <details open={report.changedCount > 0}>
        <summary>{t('directory.wizard.changed', { count: report.changedCount })}</summary>
        <ul>
          {report.changed.map((entry) => (
            <li key={entry.id}>
              {entry.name}
              <table className="changes">
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field}>
                      <th>{change.field}</th>
                      <td className="before">{JSON.stringify(change.before)}</td>
                      <td className="after">{JSON.stringify(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      </details>
      {report.conflictCount > 0 && (
        <details open>
          <summary>{t('directory.wizard.conflicts', { count: report.conflictCount })}</summary>
          <ul>
            {report.conflicts.map((conflict) => (
              <li key={conflict.incomingId}>
                {conflict.name}: {conflict.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">
        {t('directory.wizard.unchanged', { count: report.unchangedCount })} ·{' '}
        {t('directory.wizard.edges', { added: report.edgesAdded, unchanged: report.edgesUnchanged })}
      </p>
    </div>
  );
}

/** Creating or editing a record: the kind's fields, validated by the shared schema, errors next to each field. */
import { useId, useState, type FormEvent } from 'react';
import { fieldIssues, type FieldIssue } from '../../../../shared/api/errors';
import { nodeRecordSchema, NODE_KINDS, type NodeKind, type NodeRecord } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';
import { ApiCallError, call } from '../../api/client';
import { errorText, fieldIssueText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { parseOptionsFor } from '../../zodLocale';
import { notifyDataChanged } from '../../state/appStore';
import {
  FIELDS_BY_KIND,
  fieldForIssue,
  formToRecord,
  optionLabel,
  recordToForm,
  suggestId,
  type FieldSpec,
  type FormValues,
} from './recordFields';

/** The form's own words for a field formToRecord could not read (recordFields.ts names it `json` or `choose`). */
const UNREADABLE_MESSAGES: Record<string, MessageKey | undefined> = {
  json: 'network.form.badJson',
  choose: 'network.form.choose',
};

/** The form: `record` null creates a new record of the chosen kind. */
export function RecordForm({
  record,
  onDone,
  onCancel,
}: {
  record: NodeRecord | null;
  onDone(id: string, name: string): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  const [kind, setKind] = useState<NodeKind>(record?.kind ?? 'actor');
  const [values, setValues] = useState<FormValues>(() => recordToForm(record?.kind ?? 'actor', record));
  const [id, setId] = useState(record?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = record === null;

  const changeKind = (next: NodeKind) => {
    setKind(next);
    setValues(recordToForm(next, null));
    setErrors({});
  };

  const issuesToErrors = (issues: FieldIssue[]) => {
    const byField: Record<string, string> = {};
    for (const issue of issues) {
      const path = issue.path.replace(/^record\./, '');
      const field = fieldForIssue(kind, path) || '(form)';
      const unread = UNREADABLE_MESSAGES[issue.message];
      const message = unread ? t(unread) : fieldIssueText(issue, t);
      byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    }
    return byField;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const recordId = creating ? id.trim() || suggestId(kind, String(values.name ?? '')) : record.id;
    const { record: draft, unreadable } = formToRecord(kind, recordId, values, record);
    const parsed = nodeRecordSchema.safeParse(draft, parseOptionsFor(locale));
    // A field the form could not read is told of once, in the form's words, not again by the schema.
    const unread = new Set(unreadable.map((issue) => issue.path));
    const schemaIssues = parsed.success ? [] : fieldIssues(parsed.error).filter((issue) => !unread.has(issue.path));
    const issues = [...unreadable, ...schemaIssues];
    if (issues.length > 0 || !parsed.success) {
      setErrors(issuesToErrors(issues));
      setFormError(t('network.form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const saved = creating
        ? await call('graph.createNode', { record: parsed.data })
        : await call('graph.updateNode', { id: recordId, record: parsed.data });
      notifyDataChanged();
      onDone(saved.id, saved.name);
    } catch (error) {
      if (error instanceof ApiCallError && error.error.issues) setErrors(issuesToErrors(error.error.issues));
      setFormError(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const set = (key: string, value: string | boolean | string[]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return (
    <form className="record-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>
        {creating ? t('network.form.createTitle') : t('network.form.editTitle', { name: record.name })}
      </h3>
      {creating && (
        <div className="field">
          <label htmlFor={`${formId}-kind`}>{t('network.field.kind')}</label>
          <select id={`${formId}-kind`} value={kind} onChange={(event) => changeKind(event.target.value as NodeKind)}>
            {NODE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`network.kind.${option}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      )}
      {creating && (
        <div className="field">
          <label htmlFor={`${formId}-id`}>{t('network.field.id')}</label>
          <input
            id={`${formId}-id`}
            value={id}
            placeholder={suggestId(kind, String(values.name ?? ''))}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={errors.id ? `${formId}-id-error` : `${formId}-id-hint`}
            onChange={(event) => setId(event.target.value)}
          />
          {errors.id ? (
            <p className="field__error" id={`${formId}-id-error`}>
              {errors.id}
            </p>
          ) : (
            <p className="field__hint" id={`${formId}-id-hint`}>
              {t('network.form.idHint')}
            </p>
          )}
        </div>
      )}
      {FIELDS_BY_KIND[kind].map((field) => (
        <FormField
          key={field.key}
          formId={formId}
          field={field}
          value={values[field.key]}
          error={errors[field.key]}
          onChange={set}
        />
      ))}
      {errors['(form)'] && <p className="field__error">{errors['(form)']}</p>}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {creating ? t('network.form.create') : t('network.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('network.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function FormField({
  formId,
  field,
  value,
  error,
  onChange,
}: {
  formId: string;
  field: FieldSpec;
  value: string | boolean | string[] | undefined;
  error: string | undefined;
  onChange(key: string, value: string | boolean | string[]): void;
}) {
  const { t } = useI18n();
  const inputId = `${formId}-${field.key}`;
  const errorId = `${inputId}-error`;
  const label = t(`network.field.${field.key}` as MessageKey);
  const common = {
    id: inputId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  let control;
  switch (field.input) {
    case 'checkbox':
      return (
        <div className="field field--inline">
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(field.key, event.target.checked)}
          />
          <label htmlFor={inputId}>{label}</label>
          {error && <FieldError id={errorId} message={error} />}
        </div>
      );
    case 'checklist': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="field field--checklist" aria-describedby={error ? errorId : undefined}>
          <legend>{label}</legend>
          {(field.options ?? []).map((option) => (
            <label key={option} className="checklist__item">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(event) =>
                  onChange(
                    field.key,
                    event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option),
                  )
                }
              />
              {t(`network.field.${option}` as MessageKey)}
            </label>
          ))}
          {error && <FieldError id={errorId} message={error} />}
        </fieldset>
      );
    }
    case 'select':
      control = (
        <select {...common} value={String(value ?? '')} onChange={(event) => onChange(field.key, event.target.value)}>
          {field.optional && <option value="">{t('network.form.none')}</option>}
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {optionLabel(t, field.key, option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
    case 'lines':
    case 'json':
      control = (
        <textarea
          {...common}
          rows={field.input === 'json' ? 4 : 3}
          className={field.input === 'json' ? 'mono' : undefined}
          value={String(value ?? '')}
          onChange={(event) => onChange(field.key, event.target.value)}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          type={field.input === 'number' ? 'number' : 'text'}
          placeholder={field.input === 'date' ? 'YYYY-MM-DD' : undefined}
          value={String(value ?? '')}
          onChange={(event) => onChange(field.key, event.target.value)}
        />
      );
  }
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {control}
      {field.input === 'lines' && (
        <p className="field__hint">
          {t(field.key === 'phones' ? 'network.form.phonesHint' : 'network.form.linesHint')}
        </p>
      )}
      {error && <FieldError id={errorId} message={error} />}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field__error" id={id}>
      {message}
    </p>
  );
}

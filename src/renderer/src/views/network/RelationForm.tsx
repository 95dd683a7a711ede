/** Creating a relation from or to the selected record, checked against the schema and the relation type's rules. */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { fieldIssues } from '../../../../shared/api/errors';
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
import {
  EDGE_TYPE_RULES,
  EDGE_TYPES,
  endpointMismatch,
  edgeRecordSchema,
  type EdgeType,
  type NodeKind,
  type NodeRecord,
} from '../../../../shared/domain';
import { endpointMismatchMessage, messageText, type MessageKey } from '../../../../shared/i18n';
import { ApiCallError, call } from '../../api/client';
import { errorText, fieldIssueText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { parseOptionsFor } from '../../zodLocale';
import { notifyDataChanged } from '../../state/appStore';

/** The relation form for `record`; `candidates` are the records the other end can be chosen from. */
export function RelationForm({
  record,
  candidates,
  onDone,
  onCancel,
}: {
  record: NodeRecord;
  candidates: readonly NetworkNode[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const types = useMemo(
    () =>
      EDGE_TYPES.filter((type) => {
        const rule = EDGE_TYPE_RULES[type];
        const ends: readonly NodeKind[] = direction === 'out' ? rule.from : rule.to;
        return ends.includes(record.kind);
      }),
    [direction, record.kind],
  );
  const [type, setType] = useState<EdgeType | ''>('');
  const [other, setOther] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chosenType = type && types.includes(type) ? type : (types[0] ?? '');
  const options = useMemo(() => candidates.filter((node) => node.id !== record.id), [candidates, record.id]);

  const resolve = (text: string): NetworkNode | undefined => {
    const wanted = text.trim().toLowerCase();
    return options.find((node) => node.id === text.trim() || node.name.toLowerCase() === wanted);
  };

  /** Why the chosen type cannot join these two records, naming the record at the wrong end. */
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = resolve(other);
    const next: Record<string, string> = {};
    if (!chosenType) next.type = t('network.relation.noType');
    if (!target) next.other = t('network.relation.unknownOther');
    const edge =
      target && chosenType
        ? {
            type: chosenType,
            from: direction === 'out' ? record.id : target.id,
            to: direction === 'out' ? target.id : record.id,
            source,
            note,
          }
        : null;
    if (edge) {
      const parsed = edgeRecordSchema.safeParse(edge, parseOptionsFor(locale));
      if (!parsed.success)
        for (const issue of fieldIssues(parsed.error))
          next[issue.path === 'from' || issue.path === 'to' ? 'other' : issue.path] = fieldIssueText(issue, t);
      const self = {
        id: record.id,
        kind: record.kind,
        actorType: record.kind === 'actor' ? record.actorType : undefined,
      };
      const them = { id: target!.id, kind: target!.kind, actorType: target!.subtype ?? undefined };
      const mismatch = endpointMismatch(
        chosenType as EdgeType,
        direction === 'out' ? self : them,
        direction === 'out' ? them : self,
      );
      if (mismatch) {
        const name = mismatch.id === record.id ? record.name : target!.name;
        next.other = messageText(endpointMismatchMessage(chosenType as EdgeType, mismatch, name), t);
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !edge) return;
    setBusy(true);
    try {
      await call('graph.createEdge', { edge });
      notifyDataChanged();
      onDone();
    } catch (error) {
      if (error instanceof ApiCallError && error.error.issues) {
        setErrors(
          Object.fromEntries(
            error.error.issues.map((issue) => [
              issue.path.replace(/^edge\./, '').replace(/^(from|to)$/, 'other'),
              fieldIssueText(issue, t),
            ]),
          ),
        );
      } else setErrors({ '(form)': errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const errorProps = (key: string) =>
    errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${formId}-${key}-error` } : {};
  const fieldError = (key: string) =>
    errors[key] ? (
      <p className="field__error" id={`${formId}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="record-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{t('network.relation.createTitle', { name: record.name })}</h3>
      <fieldset className="field field--radios">
        <legend>{t('network.relation.direction')}</legend>
        <label>
          <input
            type="radio"
            name={`${formId}-dir`}
            checked={direction === 'out'}
            onChange={() => setDirection('out')}
          />
          {t('network.relation.fromHere')}
        </label>
        <label>
          <input type="radio" name={`${formId}-dir`} checked={direction === 'in'} onChange={() => setDirection('in')} />
          {t('network.relation.toHere')}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${formId}-type`}>{t('network.relation.type')}</label>
        <select
          id={`${formId}-type`}
          value={chosenType}
          onChange={(event) => setType(event.target.value as EdgeType)}
          {...errorProps('type')}
        >
          {types.map((option) => (
            <option key={option} value={option}>
              {t(`network.edge.${option}` as MessageKey)}
            </option>
          ))}
        </select>
        {fieldError('type')}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-other`}>{t('network.relation.other')}</label>
        <input
          id={`${formId}-other`}
          list={`${formId}-candidates`}
          value={other}
          onChange={(event) => setOther(event.target.value)}
          {...errorProps('other')}
        />
        <datalist id={`${formId}-candidates`}>
          {options.slice(0, 2000).map((node) => (
            <option key={node.id} value={node.name}>
              {node.id}
            </option>
          ))}
        </datalist>
        <p className="field__hint">{t('network.relation.otherHint')}</p>
        {fieldError('other')}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-source`}>{t('network.field.source')}</label>
        <textarea
          id={`${formId}-source`}
          rows={2}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          {...errorProps('source')}
        />
        {fieldError('source')}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-note`}>{t('network.relation.note')}</label>
        <textarea
          id={`${formId}-note`}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          {...errorProps('note')}
        />
        {fieldError('note')}
      </div>
      {errors['(form)'] && (
        <p className="form-error" role="alert">
          {errors['(form)']}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('network.relation.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('network.form.cancel')}
        </button>
      </div>
    </form>
  );
}

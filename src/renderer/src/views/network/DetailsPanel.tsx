/**
 * The details panel: every field of the selected record with its source and verified date, a stale badge, the
 * confidential fields marked, and its relations grouped by type (each one a button that goes there).
 */
import { forwardRef, useEffect, useState, type ReactNode } from 'react';
import type { RecordDetails, Relation } from '../../../../shared/api';
import { daysSinceVerified, isStale, type NodeRecord } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { notifyDataChanged, openRecord, selectRecord, useAppState } from '../../state/appStore';
import { optionLabel } from './recordFields';

/** What the panel lets the user do with the selected record. */
export interface DetailsActions {
  onEdit(record: NodeRecord): void;
  onRelate(record: NodeRecord): void;
  onFocus(id: string, depth: 1 | 2): void;
  onPathFrom(id: string): void;
  onPathTo(id: string): void;
  pathFrom: string | null;
}

// A request to focus the panel's title, honoured once the selected record is shown: at once when it already is
// (the user chose the record on screen), else when it has loaded.
let focusWanted = false;
const focusRequestListeners = new Set<() => void>();

/** Moves keyboard focus to the selected record's title once it is shown (for keyboard and screen-reader users). */
export function focusDetailsWhenLoaded(): void {
  focusWanted = true;
  for (const listener of focusRequestListeners) listener();
}

const HIDDEN_FIELDS = new Set(['id', 'kind', 'name', 'source', 'verifiedAt', 'confidential']);

/** The panel for the selected record (or a hint when nothing is selected). */
export const DetailsPanel = forwardRef<HTMLElement, { actions: DetailsActions; children?: ReactNode }>(
  function DetailsPanel({ actions, children }, ref) {
    const { t } = useI18n();
    const selectedId = useAppState((state) => state.selectedId);
    const revision = useAppState((state) => state.dataRevision);
    const [details, setDetails] = useState<RecordDetails | null>(null);
    // Why the record could not be read, put in words at render (in the language then in use).
    const [failure, setFailure] = useState<{ reason: unknown } | null>(null);

    useEffect(() => {
      let live = true;
      // With nothing selected the panel shows its hint: `shown` below only uses details of the selected record.
      if (!selectedId) return;
      call('graph.get', { id: selectedId })
        .then((value) => {
          if (!live) return;
          setDetails(value);
          setFailure(null);
        })
        .catch((reason: unknown) => {
          if (!live) return;
          setDetails(null);
          setFailure({ reason });
        });
      return () => {
        live = false;
      };
    }, [selectedId, revision]);

    const shown = details && details.record.id === selectedId ? details : null;

    const [focusRequests, setFocusRequests] = useState(0);
    useEffect(() => {
      const listener = () => setFocusRequests((count) => count + 1);
      focusRequestListeners.add(listener);
      return () => {
        focusRequestListeners.delete(listener);
      };
    }, []);
    useEffect(() => {
      // Runs after the commit, so the title of the shown record is in the document.
      if (!focusWanted || !shown) return;
      focusWanted = false;
      document.getElementById('details-title')?.focus();
    }, [shown, focusRequests]);
    return (
      <aside
        ref={ref}
        className="details"
        aria-labelledby="details-title"
        data-selected-id={shown?.record.id ?? ''}
        tabIndex={-1}
      >
        {children ?? (
          <>
            {!selectedId && (
              <>
                <h2 id="details-title" className="details__title details__title--empty">
                  {t('network.details.title')}
                </h2>
                <p className="details__hint">{t('network.details.empty')}</p>
              </>
            )}
            {selectedId && failure && (
              <p className="form-error" role="alert">
                {errorText(failure.reason, t)}
              </p>
            )}
            {shown && <RecordView key={shown.record.id} details={shown} actions={actions} />}
          </>
        )}
      </aside>
    );
  },
);

function RecordView({ details, actions }: { details: RecordDetails; actions: DetailsActions }) {
  const { t, locale } = useI18n();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { record, relations } = details;
  const today = new Date();
  const stale = isStale(record.verifiedAt, today);
  const days = daysSinceVerified(record.verifiedAt, today);
  const confidential = new Set<string>('confidential' in record ? record.confidential : []);
  const subtype =
    record.kind === 'actor'
      ? optionLabel(t, 'actorType', record.actorType)
      : record.kind === 'statute'
        ? record.statuteType
        : null;

  const remove = async () => {
    await call('graph.deleteNode', { id: record.id });
    selectRecord(null);
    notifyDataChanged();
  };

  return (
    <>
      <p className="details__kind">
        {t(`network.kind.${record.kind}` as MessageKey)}
        {subtype ? ` · ${subtype}` : ''}
        {record.status === 'historical' ? ` · ${t('network.status.historical')}` : ''}
      </p>
      <h2 id="details-title" className="details__title" tabIndex={-1}>
        {locale === 'es' && record.kind === 'need' ? record.nameEs : record.name}
      </h2>
      <div className="details__provenance">
        <span>
          {t('network.details.verified')}: {record.verifiedAt ?? t('network.details.never')}
          {days !== null && ` (${t('network.details.daysAgo', { days })})`}
        </span>
        {stale && (
          <span className="badge badge--stale" title={t('network.details.staleHint')}>
            {t('network.details.stale')}
          </span>
        )}
      </div>
      <p className="details__source">
        <span className="details__label">{t('network.field.source')}:</span> {record.source}
      </p>
      <div className="details__actions" role="group" aria-label={t('network.details.actions')}>
        <button type="button" className="button" onClick={() => actions.onEdit(record)}>
          {t('network.details.edit')}
        </button>
        <button type="button" className="button" onClick={() => actions.onRelate(record)}>
          {t('network.details.addRelation')}
        </button>
        <button type="button" className="button" onClick={() => actions.onFocus(record.id, 1)}>
          {t('network.details.focus1')}
        </button>
        <button type="button" className="button" onClick={() => actions.onFocus(record.id, 2)}>
          {t('network.details.focus2')}
        </button>
        {actions.pathFrom && actions.pathFrom !== record.id ? (
          <button type="button" className="button" onClick={() => actions.onPathTo(record.id)}>
            {t('network.details.pathTo')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => actions.onPathFrom(record.id)}
            aria-pressed={actions.pathFrom === record.id}
          >
            {t('network.details.pathFrom')}
          </button>
        )}
        {confirmDelete ? (
          <span className="confirm" role="group" aria-label={t('network.details.confirmDelete')}>
            <span>{t('network.details.confirmDelete')}</span>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t('network.details.deleteYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              {t('network.form.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button--quiet-danger" onClick={() => setConfirmDelete(true)}>
            {t('network.details.delete')}
          </button>
        )}
      </div>
      <h3 className="details__section">{t('network.details.fields')}</h3>
      <dl className="fields">
        {Object.entries(record)
          .filter(([key]) => !HIDDEN_FIELDS.has(key))
          .flatMap(([key, value]) => fieldRows(key, value))
          .map(([key, value]) => (
            <div key={key} className="fields__row">
              <dt>
                {t(`network.field.${key}` as MessageKey)}
                {isConfidential(key, confidential) && (
                  <span className="badge badge--confidential" title={t('network.details.confidentialHint')}>
                    {t('network.details.confidential')}
                  </span>
                )}
              </dt>
              <dd>{formatValue(value, t)}</dd>
            </div>
          ))}
      </dl>
      <Relations relations={relations} />
    </>
  );
}

/** Address parts get a row each, so a confidential street can be marked apart from a public city. */
function fieldRows(key: string, value: unknown): [string, unknown][] {
  if (key === 'address' && value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([part, partValue]) => [`address.${part}`, partValue]);
  }
  return [[key, value]];
}

function isConfidential(key: string, confidential: ReadonlySet<string>): boolean {
  return confidential.has(key);
}

function formatValue(value: unknown, t: (key: MessageKey) => string): ReactNode {
  if (value === null || value === undefined || value === '')
    return <span className="muted">{t('network.details.none')}</span>;
  if (typeof value === 'boolean') return value ? t('network.details.yes') : t('network.details.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t('network.details.none')}</span>;
    return (
      <ul className="fields__list">
        {value.map((item, i) => (
          <li key={i}>
            {typeof item === 'object'
              ? Object.values(item as object)
                  .filter((part) => part !== undefined && part !== '')
                  .join(' · ')
              : String(item)}
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, part]) => part !== null && part !== '' && !(Array.isArray(part) && part.length === 0),
    );
    if (entries.length === 0) return <span className="muted">{t('network.details.none')}</span>;
    return (
      <ul className="fields__list">
        {entries.map(([part, partValue]) => (
          <li key={part}>
            {part}: {Array.isArray(partValue) ? partValue.join(', ') : String(partValue)}
          </li>
        ))}
      </ul>
    );
  }
  return String(value);
}

function Relations({ relations }: { relations: Relation[] }) {
  const { t } = useI18n();
  const groups = new Map<string, Relation[]>();
  for (const relation of relations) {
    const key = `${relation.direction}:${relation.edge.type}`;
    groups.set(key, [...(groups.get(key) ?? []), relation]);
  }

  const removeRelation = async (id: string) => {
    await call('graph.deleteEdge', { id });
    notifyDataChanged();
  };

  return (
    <section aria-labelledby="details-relations">
      <h3 id="details-relations" className="details__section">
        {t('network.details.relations', { count: relations.length })}
      </h3>
      {relations.length === 0 && <p className="muted">{t('network.details.noRelations')}</p>}
      {[...groups.entries()].map(([key, items]) => {
        const [direction, type] = key.split(':') as ['out' | 'in', string];
        const typeLabel = t(`network.edge.${type}` as MessageKey);
        return (
          <div key={key} className="relation-group">
            <h4>
              {t(direction === 'out' ? 'network.relation.outGroup' : 'network.relation.inGroup', { type: typeLabel })}
            </h4>
            <ul>
              {items.map((relation) => (
                <li key={relation.edge.id} className="relation">
                  <button type="button" className="link" onClick={() => openRecord(relation.other.id)}>
                    {relation.other.name}
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('network.relation.remove', { type: typeLabel, name: relation.other.name })}
                    title={t('network.relation.remove', { type: typeLabel, name: relation.other.name })}
                    onClick={() => void removeRelation(relation.edge.id)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

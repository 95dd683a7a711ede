/**
 * The network view's sidebar: search, filters by kind, actor type, need, region and relation type, saved views, and
 * below them what the view puts there (the legend).
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { NetworkFilter, SavedView } from '../../../../shared/api/methods/networkMethods';
import { ACTOR_TYPES, EDGE_TYPES, NEED_CODES, NODE_KINDS, isRegionCode } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { openRecord } from '../../state/appStore';
import { SearchBox } from '../../search/SearchBox';
import { OVERVIEW_FILTER } from './firstGraph';

type ListKey = 'kinds' | 'actorTypes' | 'needs' | 'edgeTypes';

/** The sidebar. */
export function Sidebar({
  filter,
  onFilter,
  children,
}: {
  filter: NetworkFilter;
  onFilter(next: NetworkFilter): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const toggle = (key: ListKey, value: string) => {
    const list = filter[key] as string[];
    const next = list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
    onFilter({ ...filter, [key]: next });
  };
  const needLabel = (code: string) => t(`network.need.${code}` as MessageKey);
  return (
    <nav className="sidebar" aria-label={t('network.sidebar.label')}>
      <div className="sidebar__search">
        <SearchBox onOpen={openRecord} />
      </div>
      <section className="sidebar__section" aria-labelledby="scope-heading">
        <h2 id="scope-heading" className="sidebar__heading">
          {t('network.filter.scope')}
        </h2>
        <div className="segmented" role="radiogroup" aria-labelledby="scope-heading">
          {(['overview', 'all'] as const).map((scope) => (
            <button
              key={scope}
              type="button"
              role="radio"
              aria-checked={filter.scope === scope}
              className={filter.scope === scope ? 'segmented__item segmented__item--on' : 'segmented__item'}
              onClick={() => onFilter({ ...filter, scope })}
            >
              {t(`network.filter.scope.${scope}` as MessageKey)}
            </button>
          ))}
        </div>
        <p className="sidebar__hint">{t('network.filter.scopeHint')}</p>
      </section>
      <ChecklistFilter
        title={t('network.filter.kinds')}
        options={NODE_KINDS}
        chosen={filter.kinds}
        label={(kind) => t(`network.kind.${kind}` as MessageKey)}
        onToggle={(value) => toggle('kinds', value)}
      />
      <ChecklistFilter
        title={t('network.filter.actorTypes')}
        options={ACTOR_TYPES}
        chosen={filter.actorTypes}
        label={(type) => t(`network.actorType.${type}` as MessageKey)}
        onToggle={(value) => toggle('actorTypes', value)}
      />
      <ChecklistFilter
        title={t('network.filter.needs')}
        options={[...NEED_CODES].sort((a, b) => needLabel(a).localeCompare(needLabel(b)))}
        chosen={filter.needs}
        label={needLabel}
        onToggle={(value) => toggle('needs', value)}
      />
      <RegionFilter regions={filter.regions} onChange={(regions) => onFilter({ ...filter, regions })} />
      <ChecklistFilter
        title={t('network.filter.edgeTypes')}
        options={EDGE_TYPES}
        chosen={filter.edgeTypes}
        label={(type) => t(`network.edge.${type}` as MessageKey)}
        onToggle={(value) => toggle('edgeTypes', value)}
      />
      <div className="sidebar__reset">
        <button type="button" className="button" onClick={() => onFilter(OVERVIEW_FILTER)}>
          {t('network.filter.reset')}
        </button>
      </div>
      <SavedViews filter={filter} onOpen={onFilter} />
      {children}
    </nav>
  );
}

function ChecklistFilter<T extends string>({
  title,
  options,
  chosen,
  label,
  onToggle,
}: {
  title: string;
  options: readonly T[];
  chosen: readonly string[];
  label(option: T): string;
  onToggle(option: T): void;
}) {
  const { t } = useI18n();
  return (
    <details className="sidebar__section filter" open={chosen.length > 0 ? true : undefined}>
      <summary className="sidebar__heading">
        {title}
        {chosen.length > 0 && (
          <span className="filter__count">{t('network.filter.chosen', { count: chosen.length })}</span>
        )}
      </summary>
      <fieldset className="filter__options">
        <legend className="visually-hidden">{title}</legend>
        {options.map((option) => (
          <label key={option} className="filter__option">
            <input type="checkbox" checked={chosen.includes(option)} onChange={() => onToggle(option)} />
            {label(option)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function RegionFilter({ regions, onChange }: { regions: readonly string[]; onChange(next: string[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    const region = text.trim();
    if (!isRegionCode(region)) {
      setError(t('network.filter.badRegion'));
      return;
    }
    setError(null);
    setText('');
    if (!regions.includes(region)) onChange([...regions, region]);
  };
  return (
    <details className="sidebar__section filter" open={regions.length > 0 ? true : undefined}>
      <summary className="sidebar__heading">
        {t('network.filter.regions')}
        {regions.length > 0 && (
          <span className="filter__count">{t('network.filter.chosen', { count: regions.length })}</span>
        )}
      </summary>
      <form className="region-form" onSubmit={add}>
        <label htmlFor={id} className="visually-hidden">
          {t('network.filter.regionInput')}
        </label>
        <input
          id={id}
          value={text}
          placeholder="US-CA/Los Angeles County"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button">
          {t('network.filter.addRegion')}
        </button>
      </form>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <ul className="chips">
        {regions.map((region) => (
          <li key={region} className="chip">
            {region}
            <button
              type="button"
              className="icon-button"
              aria-label={t('network.filter.removeRegion', { region })}
              onClick={() => onChange(regions.filter((item) => item !== region))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function SavedViews({ filter, onOpen }: { filter: NetworkFilter; onOpen(filter: NetworkFilter): void }) {
  const { t } = useI18n();
  const id = useId();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('network.views.list')
      .then(setViews)
      .catch(() => setViews([]));
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('network.views.nameRequired'));
      return;
    }
    try {
      setViews(await call('network.views.save', { name: name.trim(), filter }));
      setName('');
      setError(null);
    } catch (reason) {
      setError(errorText(reason, t));
    }
  };
  return (
    <section className="sidebar__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sidebar__heading">
        {t('network.views.title')}
      </h2>
      {views.length === 0 && <p className="sidebar__hint">{t('network.views.empty')}</p>}
      <ul className="saved-views">
        {views.map((view) => (
          <li key={view.name}>
            <button type="button" className="link" onClick={() => onOpen(view.filter)}>
              {view.name}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('network.views.delete', { name: view.name })}
              onClick={() => void call('network.views.delete', { name: view.name }).then(setViews)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="region-form" onSubmit={save}>
        <label htmlFor={`${id}-name`} className="visually-hidden">
          {t('network.views.name')}
        </label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder={t('network.views.name')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button">
          {t('network.views.save')}
        </button>
      </form>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </section>
  );
}

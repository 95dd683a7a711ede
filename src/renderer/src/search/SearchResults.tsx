/**
 * The results list of the search box and the command palette: grouped by kind (the group of the best result first),
 * each result's matched characters marked, and where the match is not in the name, the field that matched.
 */
import type { MessageKey } from '../../../shared/i18n';
import type { SearchMatch, SearchResult } from '../../../shared/search/searchTypes';
import { useI18n } from '../i18n';
import type { SearchState } from './useSearch';

/** Results in the order they are shown (grouped by kind), which is also the order the arrow keys follow. */
export function displayOrder(results: readonly SearchResult[]): SearchResult[][] {
  const groups = new Map<string, SearchResult[]>();
  for (const result of results) {
    const group = groups.get(result.kind);
    if (group) group.push(result);
    else groups.set(result.kind, [result]);
  }
  return [...groups.values()];
}

/** The DOM id of a result's option, for `aria-activedescendant`. */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** Text with its matched ranges wrapped in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function ResultLine({ result }: { result: SearchResult }) {
  const { t } = useI18n();
  const inName = result.matches.find((match) => match.field === 'name');
  const elsewhere: SearchMatch | undefined = result.matches.find((match) => match.field !== 'name');
  return (
    <>
      <span className="search-result__name">
        {inName ? <Highlighted text={inName.text} ranges={inName.ranges} /> : result.name}
      </span>
      <span className="search-result__meta">
        {result.subtype && (
          <span className="search-result__type">{t(`search.subtype.${result.subtype}` as MessageKey)}</span>
        )}
        {result.status === 'historical' && (
          <span className="search-result__historical">{t('search.results.historical')}</span>
        )}
      </span>
      {!inName && elsewhere && (
        <span className="search-result__match">
          <span className="search-result__field">{t(`search.field.${elsewhere.field}` as MessageKey)}:</span>{' '}
          <Highlighted text={elsewhere.text} ranges={elsewhere.ranges} />
        </span>
      )}
    </>
  );
}

/** The listbox of results, or the line saying there are none. */
export function SearchResults({
  listId,
  state,
  groups,
  active,
  onHover,
  onPick,
}: {
  listId: string;
  state: SearchState;
  groups: SearchResult[][];
  active: number;
  onHover(index: number): void;
  onPick(result: SearchResult): void;
}) {
  const { t } = useI18n();
  const response = state.response;
  let index = 0;
  return (
    <div className="search-results">
      <ul id={listId} role="listbox" aria-label={t('search.results.label')} className="search-results__list">
        {groups.map((group) => (
          <li key={group[0]!.kind} role="presentation" className="search-results__group">
            <div role="presentation" className="search-results__heading" id={`${listId}-${group[0]!.kind}`}>
              {t(`search.group.${group[0]!.kind}` as MessageKey)}
            </div>
            <ul role="group" aria-labelledby={`${listId}-${group[0]!.kind}`} className="search-results__items">
              {group.map((result) => {
                const at = index++;
                return (
                  <li
                    key={result.id}
                    id={optionId(listId, at)}
                    role="option"
                    aria-selected={at === active}
                    data-id={result.id}
                    data-testid="search-result"
                    className={at === active ? 'search-result search-result--active' : 'search-result'}
                    onMouseMove={() => at !== active && onHover(at)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onPick(result)}
                  >
                    <ResultLine result={result} />
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <div className="search-results__status" role="status" aria-live="polite" data-testid="search-status">
        {state.error
          ? t('search.results.error', { message: state.error })
          : response && response.results.length === 0
            ? `${t('search.results.none', { query: state.answered.trim() })} ${t('search.results.noneHint')}`
            : response
              ? response.total === 1
                ? t('search.results.one')
                : response.results.length < response.total
                  ? t('search.results.count', { shown: response.results.length, total: response.total })
                  : t('search.results.countAll', { total: response.total })
              : state.searching
                ? t('search.results.searching')
                : ''}
      </div>
    </div>
  );
}

/** The visible records as a table: the graph's content for screen readers and keyboard users. */
import { useMemo, useState } from 'react';
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { inNameOrder } from './nameOrder';
import { optionLabel } from './recordFields';

/**
 * Rows per page. Thousands of rows at once took the window over a second to render (five thousand records) and are
 * no easier to read with a screen reader than pages of a hundred.
 */
const PAGE_ROWS = 100;

/**
 * One row per record (of `nodes`, or of those in `onlyIds`: a focus, a path), sorted by name, a page at a time;
 * choosing a row opens the record in the details panel. The page holding the selected record shows first.
 */
export function NodeTable({
  nodes,
  onlyIds,
  selectedId,
  onOpen,
}: {
  nodes: readonly NetworkNode[];
  onlyIds: readonly string[] | null;
  selectedId: string | null;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const ordered = inNameOrder(nodes);
    if (!onlyIds) return ordered;
    const only = new Set(onlyIds);
    return ordered.filter((node) => only.has(node.id));
  }, [nodes, onlyIds]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const [chosenPage, setPage] = useState(() => {
    const selected = selectedId ? rows.findIndex((node) => node.id === selectedId) : -1;
    return selected < 0 ? 0 : Math.floor(selected / PAGE_ROWS);
  });
  // Fewer records than before (a filter changed) leave no page past the last.
  const page = Math.min(chosenPage, pages - 1);
  const from = page * PAGE_ROWS;
  const shown = rows.slice(from, from + PAGE_ROWS);
  const range = t('network.table.range', { from: from + 1, to: from + shown.length, count: rows.length });
  return (
    <div className="node-table" role="region" aria-label={t('network.table.label')} tabIndex={0}>
      {pages > 1 && (
        <nav className="node-table__pages" aria-label={t('network.table.pages')}>
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('network.table.previous', { size: PAGE_ROWS })}
          </button>
          <span aria-live="polite">{range}</span>
          <button type="button" className="button" disabled={page === pages - 1} onClick={() => setPage(page + 1)}>
            {t('network.table.next', { size: PAGE_ROWS })}
          </button>
        </nav>
      )}
      <table>
        <caption>
          {t('network.table.caption', { count: rows.length })}
          {pages > 1 && ` · ${range}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('network.table.name')}</th>
            <th scope="col">{t('network.table.kind')}</th>
            <th scope="col">{t('network.table.relations')}</th>
            <th scope="col">{t('network.table.freshness')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((node) => (
            <tr
              key={node.id}
              aria-selected={node.id === selectedId}
              className={node.id === selectedId ? 'is-selected' : undefined}
            >
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(node.id)}>
                  {node.name}
                </button>
              </th>
              <td>
                {t(`network.kind.${node.kind}` as MessageKey)}
                {node.kind === 'actor' && node.subtype ? ` · ${optionLabel(t, 'actorType', node.subtype)}` : ''}
              </td>
              <td>{node.degree}</td>
              <td>
                {node.stale ? (
                  <span className="badge badge--stale">{t('network.details.stale')}</span>
                ) : (
                  t('network.table.current')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The visible records as a table: the graph's content for screen readers and keyboard users. */
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { optionLabel } from './recordFields';

/** One row per record, sorted by name; choosing a row opens the record in the details panel. */
export function NodeTable({
  nodes,
  selectedId,
  onOpen,
}: {
  nodes: readonly NetworkNode[];
  selectedId: string | null;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  const rows = [...nodes].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="node-table" role="region" aria-label={t('network.table.label')} tabIndex={0}>
      <table>
        <caption>{t('network.table.caption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.table.name')}</th>
            <th scope="col">{t('network.table.kind')}</th>
            <th scope="col">{t('network.table.relations')}</th>
            <th scope="col">{t('network.table.freshness')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((node) => (
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

/**
 * The coverage heatmap (SVG, drawn by the same code as the report and the download), its table alternative for
 * screen readers and exact reading, and the service deserts grouped by region and language.
 */
import { useMemo, useState } from 'react';
import type { CoverageMatrix, CoverageResult, ServiceDesert } from '../../../../shared/api/methods/insightsMethods';
import { coverageHeatmapSvg, shortRegion } from '../../../../shared/insights/heatmapSvg';
import { useI18n } from '../../i18n';
import { downloadText, needName } from './insightsFormat';

const DESERT_GROUPS_SHOWN = 12;
/** Past this many regions the chart and table show the first ones and ask for a narrower region. */
const MAX_COLUMNS = 60;

function firstColumns(matrix: CoverageMatrix, count: number): CoverageMatrix {
  if (matrix.regions.length <= count) return matrix;
  return {
    needs: matrix.needs,
    regions: matrix.regions.slice(0, count),
    counts: matrix.counts.map((row) => row.slice(0, count)),
    languages: matrix.languages.map((row) => row.slice(0, count)),
    spoken: matrix.spoken.slice(0, count),
  };
}

export function CoveragePanel({ result }: { result: CoverageResult }) {
  const { t, locale } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const matrix = useMemo(() => firstColumns(result.matrix, MAX_COLUMNS), [result.matrix]);
  const name = (code: string) => needName(matrix, code, locale);

  const svg = useMemo(
    () =>
      coverageHeatmapSvg(matrix, {
        title: t('insights.coverage.title'),
        need: (row) => name(matrix.needs[row]!.code),
        cell: (row, column) => {
          const breakdown = Object.entries(matrix.languages[row]![column]!)
            .sort((a, b) => b[1] - a[1])
            .map(([language, count]) => `${language} ${count}`)
            .join(', ');
          const params = {
            need: name(matrix.needs[row]!.code),
            region: matrix.regions[column]!,
            count: matrix.counts[row]![column]!,
            languages: breakdown,
          };
          return breakdown ? t('insights.coverage.cellLanguages', params) : t('insights.coverage.cell', params);
        },
        legend: {
          none: t('insights.coverage.legendNone'),
          one: t('insights.coverage.legendOne'),
          several: t('insights.coverage.legendSeveral'),
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `name` and `t` change exactly when `locale` does.
    [matrix, locale],
  );

  return (
    <section className="insights-panel insights-panel--wide" aria-labelledby="insights-coverage">
      <header className="insights-panel__head">
        <h2 id="insights-coverage">{t('insights.coverage.title')}</h2>
        <p className="muted">{t('insights.coverage.caption')}</p>
        <div className="insights-actions">
          <button type="button" className="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? t('insights.coverage.showChart') : t('insights.coverage.showTable')}
          </button>
          <button
            type="button"
            className="button"
            disabled={matrix.regions.length === 0}
            onClick={() => downloadText('coverage-heatmap.svg', 'image/svg+xml', svg)}
          >
            {t('insights.coverage.export')}
          </button>
        </div>
      </header>
      {result.matrix.regions.length > matrix.regions.length && (
        <p className="insights-note">
          {t('insights.coverage.truncated', { shown: matrix.regions.length, total: result.matrix.regions.length })}
        </p>
      )}
      <div className="insights-split">
        <div className="insights-heatmap-wrap">
          {matrix.regions.length === 0 ? (
            <p className="muted">{t('insights.coverage.empty')}</p>
          ) : asTable ? (
            <CoverageTable matrix={matrix} name={name} />
          ) : (
            // The SVG is built by shared code that escapes every text it writes.
            <div
              className="insights-heatmap"
              data-testid="coverage-heatmap"
              dangerouslySetInnerHTML={{ __html: svg }}
            />
          )}
        </div>
        <Deserts result={result} name={name} />
      </div>
    </section>
  );
}

function CoverageTable({ matrix, name }: { matrix: CoverageMatrix; name: (code: string) => string }) {
  const { t } = useI18n();
  return (
    <div className="insights-table-wrap insights-table-wrap--scroll">
      <table className="insights-table insights-table--matrix" data-testid="coverage-table">
        <caption>{t('insights.coverage.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.coverage.need')}</th>
            {matrix.regions.map((region) => (
              <th key={region} scope="col" title={region}>
                {shortRegion(region)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.needs.map((need, row) => (
            <tr key={need.code}>
              <th scope="row">{name(need.code)}</th>
              {matrix.regions.map((region, column) => {
                const count = matrix.counts[row]![column]!;
                const languages = Object.entries(matrix.languages[row]![column]!)
                  .map(([language, n]) => `${language} ${n}`)
                  .join(', ');
                return (
                  <td
                    key={region}
                    className={count === 0 ? 'num insights-cell--none' : count === 1 ? 'num insights-cell--one' : 'num'}
                  >
                    {count}
                    {languages && <span className="insights-cell__languages">{languages}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface DesertGroup {
  key: string;
  region: string;
  language: string | null;
  needs: string[];
}

function groupDeserts(deserts: readonly ServiceDesert[]): DesertGroup[] {
  const groups = new Map<string, DesertGroup>();
  for (const desert of deserts) {
    const key = `${desert.kind}|${desert.region}|${desert.language ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, region: desert.region, language: desert.language, needs: [] }));
    group.needs.push(desert.need);
  }
  return [...groups.values()];
}

function Deserts({ result, name }: { result: CoverageResult; name: (code: string) => string }) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const groups = useMemo(() => groupDeserts(result.deserts), [result.deserts]);
  const shown = showAll ? groups : groups.slice(0, DESERT_GROUPS_SHOWN);
  return (
    <aside className="insights-deserts" aria-labelledby="insights-deserts">
      <h3 id="insights-deserts">{t('insights.deserts.title')}</h3>
      <p className="muted">{t('insights.deserts.counts', result.desertCounts)}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('insights.deserts.none')}</p>
      ) : (
        <ul className="insights-desert-list" data-testid="desert-list">
          {shown.map((group) => (
            <li
              key={group.key}
              className={group.language ? 'insights-desert' : 'insights-desert insights-desert--none'}
            >
              <strong title={group.region}>{shortRegion(group.region)}</strong>
              <span className="insights-desert__what">
                {group.language
                  ? t('insights.deserts.groupLanguage', { language: group.language })
                  : t('insights.deserts.groupNone')}
              </span>
              <span className="insights-desert__needs">{group.needs.map(name).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {groups.length > shown.length && (
        <p>
          <span className="muted">{t('insights.deserts.showing', { shown: shown.length, total: groups.length })} </span>
          <button type="button" className="link" onClick={() => setShowAll(true)}>
            {t('insights.deserts.showAll')}
          </button>
        </p>
      )}
    </aside>
  );
}

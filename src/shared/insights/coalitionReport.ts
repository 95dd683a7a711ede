/**
 * The one-page coalition report as a self-contained HTML document (no script, no remote resource; its own CSP
 * allows only its inline style and SVG), in the reader's language. Printed to PDF it fits one landscape A4 page.
 */
import type {
  CentralityResult,
  CoverageResult,
  PolicyProgress,
  SinglePointsResult,
  VerificationQueueResult,
} from '../api/methods/insightsMethods';
import { translate, type MessageKey, type UiLocale } from '../i18n';
import { coverageHeatmapSvg, escapeXml, shortRegion } from './heatmapSvg';

/** Everything the report shows, as the insights methods return it. */
export interface CoalitionReportData {
  centrality: CentralityResult;
  coverage: CoverageResult;
  failures: SinglePointsResult;
  queue: VerificationQueueResult;
  policy: PolicyProgress;
  /** The region the report is scoped to, or null for all. */
  region: string | null;
  today: string;
}

const STYLE = `
@page { size: A4 landscape; margin: 9mm; }
* { box-sizing: border-box; }
body { font: 8pt/1.35 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2327; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2px; color: #1f5f8b; }
h2 { font-size: 9pt; margin: 7px 0 3px; color: #1f5f8b; border-bottom: 1px solid #d5d9dc; }
section > h2:first-child { margin-top: 0; }
p { margin: 0 0 3px; }
.meta { color: #4f5a63; margin-bottom: 8px; }
.grid { display: grid; grid-template-columns: 1.1fr 1.5fr 1.1fr; gap: 12px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; padding: 1px 3px; border-bottom: 1px solid #eceff1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { color: #4f5a63; font-weight: 600; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
col.narrow { width: 2.2em; }
col.num { width: 4.6em; }
col.type { width: 7.5em; }
ul { margin: 0; padding-left: 12px; }
li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
svg { width: 100%; height: auto; }
`;

/** Builds the report's HTML. */
export function coalitionReportHtml(data: CoalitionReportData, locale: UiLocale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => escapeXml(translate(locale, key, params));
  const e = escapeXml;
  const { centrality, coverage, failures, queue, policy } = data;
  const needName = (code: string) => {
    const need = coverage.matrix.needs.find((n) => n.code === code);
    return need ? (locale === 'es' ? need.nameEs : need.name) : code;
  };
  const heatmap = coverageHeatmapSvg(coverage.matrix, {
    title: translate(locale, 'insights.coverage.title'),
    need: (row) => needName(coverage.matrix.needs[row]!.code),
    cell: (row, column) =>
      translate(locale, 'insights.coverage.cell', {
        need: needName(coverage.matrix.needs[row]!.code),
        region: coverage.matrix.regions[column]!,
        count: coverage.matrix.counts[row]![column]!,
      }),
    legend: {
      none: translate(locale, 'insights.coverage.legendNone'),
      one: translate(locale, 'insights.coverage.legendOne'),
      several: translate(locale, 'insights.coverage.legendSeveral'),
    },
  });
  const central = centrality.rows
    .slice(0, 10)
    .map(
      (row, i) =>
        `<tr><td class="n">${i + 1}</td><td title="${e(row.name)}">${e(row.name)}</td><td class="n">${row.partners}</td><td class="n">${row.betweenness.toFixed(3)}</td></tr>`,
    )
    .join('');
  const communities = centrality.communities
    .slice(0, 5)
    .map((c) => `<li>${e(c.leadName)}: ${t('insights.communities.size', { size: c.size })}</li>`)
    .join('');
  const deserts = coverage.deserts
    .slice(0, 6)
    .map((d) =>
      d.kind === 'no_provider'
        ? `<li>${t('insights.deserts.noProvider', { need: needName(d.need), region: shortRegion(d.region) })}</li>`
        : `<li>${t('insights.deserts.noLanguage', { need: needName(d.need), language: d.language ?? '', region: shortRegion(d.region) })}</li>`,
    )
    .join('');
  const spof = failures.rows
    .slice(0, 7)
    .map(
      (row) =>
        `<tr><td>${e(row.name)}</td><td class="n">${row.actorsCutOff}</td><td class="n">${row.needsLeftUncovered.length}</td></tr>`,
    )
    .join('');
  const stale = queue.rows
    .slice(0, 4)
    .map((item) => `<li>${e(item.name)} (${item.verifiedAt ? e(item.verifiedAt) : t('insights.verify.never')})</li>`)
    .join('');
  const recommendations = policy.recommendations
    .map(
      (r) =>
        `<tr><td class="n">${r.number}</td><td title="${e(r.title)}">${e(r.title)}</td><td class="n">${t('insights.policy.count', { implementing: r.implementing, directed: r.directedAt.length })}</td><td>${t(`insights.policy.status.${r.status}`)}</td></tr>`,
    )
    .join('');
  const facts = centrality.network;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${t('insights.report.title')}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${t('insights.report.title')}</h1>
<p class="meta">${t('insights.report.generated', { date: data.today, scope: data.region ?? translate(locale, 'insights.report.allRegions') })}
 ${t('insights.centrality.network', { actors: facts.actors, links: facts.links, components: facts.components })}.</p>
<div class="grid">
<section>
<h2>${t('insights.report.topCentral')}</h2>
<table><colgroup><col class="narrow"><col><col class="num"><col class="num"></colgroup><thead><tr><th>${t('insights.centrality.rank')}</th><th>${t('insights.centrality.name')}</th><th class="n" title="${t('insights.centrality.partners')}">${t('insights.centrality.partners')}</th><th class="n" title="${t('insights.measure.betweenness')}">${t('insights.measure.betweenness')}</th></tr></thead><tbody>${central}</tbody></table>
<h2>${t('insights.report.communities')}</h2>
<ul>${communities}</ul>
<h2>${t('insights.report.failures')}</h2>
<table><colgroup><col><col class="num"><col class="num"></colgroup><thead><tr><th>${t('insights.spof.actor')}</th><th class="n" title="${t('insights.spof.cutOff')}">${t('insights.spof.cutOff')}</th><th class="n" title="${t('insights.spof.uncovered')}">${t('insights.spof.uncovered')}</th></tr></thead><tbody>${spof}</tbody></table>
</section>
<section>
<h2>${t('insights.coverage.title')}</h2>
${heatmap}
<h2>${t('insights.report.deserts')}</h2>
<p>${t('insights.deserts.counts', { noProvider: coverage.desertCounts.noProvider, noLanguage: coverage.desertCounts.noLanguage })}</p>
<ul>${deserts}</ul>
</section>
<section>
<h2>${t('insights.report.policy')}</h2>
<p>${t('insights.policy.summary', policy.summary)}</p>
<table><colgroup><col class="narrow"><col><col class="num"><col class="type"></colgroup><thead><tr><th>${t('insights.policy.number')}</th><th>${t('insights.policy.recommendation')}</th><th>${t('insights.policy.implementing')}</th><th>${t('insights.policy.status')}</th></tr></thead><tbody>${recommendations}</tbody></table>
<h2>${t('insights.report.freshness')}</h2>
<p>${t('insights.report.stale', { count: queue.total })}</p>
<ul>${stale}</ul>
</section>
</div>
</body>
</html>
`;
}

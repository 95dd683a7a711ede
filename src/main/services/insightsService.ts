/**
 * Handlers of the insights methods. Every analysis is computed from the in-memory GraphIndex and cached until the
 * index's revision changes, so switching filters or tabs does not redo a 10k-actor sweep. The coalition report's
 * PDF is printed by the Atlas's PdfRenderer (printToPDF in the app, headless Chromium in the CLI and the tests).
 */
import { AtlasError, errorMessage, fieldIssue, type ContractHandlers, type NodeSummary } from '../../shared/api';
import type {
  CentralityResult,
  CoverageResult,
  NetworkFacts,
  SinglePointsResult,
  VerificationQueueResult,
  insightsMethods,
} from '../../shared/api/methods/insightsMethods';
import { isoDate, type ActorType, type NodeRecord } from '../../shared/domain';
import { nodeSummary } from '../../shared/graph/nodeSummary';
import { coalitionReportHtml } from '../../shared/insights/coalitionReport';
import type { CentralityMeasure } from '../../shared/insights/centrality';
import { compareRegions, computeCoverage, type CoverageAnalysis } from '../../shared/insights/coverage';
import { policyProgress, statuteImpact } from '../../shared/insights/lawAndPolicy';
import { analyseNetwork, rankActors, type NetworkAnalysis } from '../../shared/insights/networkAnalysis';
import { singlePointsOfFailure } from '../../shared/insights/singlePointsOfFailure';
import { verificationQueue } from '../../shared/insights/verificationQueue';
import type { Atlas } from './atlas';

type InsightsHandlers = Pick<ContractHandlers, keyof typeof insightsMethods>;

/** Caches values until the graph's revision (or, for the queue, the date) changes. */
class RevisionCache {
  private revision = -1;
  private readonly values = new Map<string, unknown>();
  constructor(private readonly atlas: Atlas) {}

  get<T>(key: string, compute: () => T): T {
    const revision = this.atlas.store.index.revision;
    if (revision !== this.revision) {
      this.values.clear();
      this.revision = revision;
    }
    if (!this.values.has(key)) this.values.set(key, compute());
    return this.values.get(key) as T;
  }
}

/** The insights handlers. */
export function insightsHandlers(atlas: Atlas): InsightsHandlers {
  const index = atlas.store.index;
  const cache = new RevisionCache(atlas);
  const today = () => atlas.now();

  const analysis = (region: string | undefined, includeReferrals: boolean): NetworkAnalysis =>
    cache.get(`network|${region ?? ''}|${includeReferrals}`, () => analyseNetwork(index, { region, includeReferrals }));
  const coverage = (within: string | undefined): CoverageAnalysis =>
    cache.get(`coverage|${within ?? ''}`, () => computeCoverage(index, { within }));
  const facts = (found: NetworkAnalysis, region: string | undefined, includeReferrals: boolean): NetworkFacts => ({
    actors: found.network.ids.length,
    links: found.network.linkCount,
    components: found.components,
    exact: found.scores.exact,
    sources: found.scores.sources,
    includeReferrals,
    region: region ?? null,
  });
  const actorRegions = (): string[] =>
    cache.get('regions', () => {
      const regions = new Set<string>();
      for (const actor of index.nodesOfKind('actor'))
        if (actor.status === 'active') for (const r of actor.regions) regions.add(r);
      return [...regions].sort(compareRegions);
    });

  const centrality = (input: {
    region?: string;
    includeReferrals: boolean;
    actorType?: ActorType;
    measure: CentralityMeasure;
    limit: number;
  }): CentralityResult => {
    const found = analysis(input.region, input.includeReferrals);
    const rows = rankActors(index, found, { measure: input.measure, actorType: input.actorType });
    const values = found.scores[input.measure];
    const max = Math.max(...values, 0);
    const size: Record<string, number> = {};
    const community: Record<string, number> = {};
    found.network.ids.forEach((id, v) => {
      size[id] = max > 0 ? values[v]! / max : 0;
      community[id] = found.communities.of[v]!;
    });
    return {
      measure: input.measure,
      network: facts(found, input.region, input.includeReferrals),
      rows: rows.slice(0, input.limit),
      total: rows.length,
      communities: found.communities.communities
        .filter((c) => c.size >= 2)
        .slice(0, 24)
        .map((c) => ({ ...c, leadName: index.node(c.leadId)?.name ?? c.leadId })),
      modularity: found.communities.modularity,
      overlay: { size, community },
      regions: actorRegions(),
    };
  };

  const coverageResult = (within: string | undefined, limit: number): CoverageResult => {
    const found = coverage(within);
    return { matrix: found.matrix, deserts: found.deserts(0, limit), desertCounts: found.desertCounts };
  };

  const singlePoints = (region: string | undefined, includeReferrals: boolean, limit: number): SinglePointsResult => {
    const found = analysis(region, includeReferrals);
    const rows = cache.get(`failures|${region ?? ''}|${includeReferrals}`, () =>
      singlePointsOfFailure(index, found, coverage(region).soleProviders),
    );
    return {
      network: facts(found, region, includeReferrals),
      rows: rows.slice(0, limit),
      total: rows.length,
      articulationPoints: found.articulation.length,
    };
  };

  const queue = (limit: number): VerificationQueueResult => {
    const date = isoDate(today());
    const rows = cache.get(`queue|${date}`, () => verificationQueue(index, analysis(undefined, false), today()));
    return { rows: rows.slice(0, limit), total: rows.length, today: date };
  };

  const policy = () => {
    const statutes: NodeSummary[] = [...index.nodesOfKind('statute')]
      .map(nodeSummary)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { ...policyProgress(index), statutes };
  };

  return {
    'insights.centrality': (input) => centrality(input),
    'insights.coverage': ({ within, limit }) => coverageResult(within, limit),
    'insights.singlePoints': ({ region, includeReferrals, limit }) => singlePoints(region, includeReferrals, limit),
    'insights.verificationQueue': ({ limit }) => queue(limit),
    'insights.markVerified': ({ ids }) => {
      const unique = [...new Set(ids)];
      const missing = unique.filter((id) => !index.hasNode(id));
      if (missing.length > 0) {
        throw new AtlasError(
          'NOT_FOUND',
          errorMessage('error.nothingVerified', { ids: missing.join(', ') }),
          missing.map((id) => fieldIssue(`ids[${ids.indexOf(id)}]`, errorMessage('error.issue.noRecord', { id }))),
        );
      }
      const verifiedAt = isoDate(today());
      atlas.store.write(
        unique.length === 1
          ? { key: 'change.markVerified', params: { name: index.node(unique[0]!)!.name } }
          : { key: 'change.markVerifiedMany', params: { count: unique.length } },
        (writer) => {
          for (const id of unique) writer.putNode({ ...(writer.node(id) as NodeRecord), verifiedAt });
        },
      );
      return { updated: unique.length, verifiedAt };
    },
    'insights.statute': ({ id }) => {
      const impact = statuteImpact(index, id);
      if (!impact)
        throw new AtlasError('NOT_FOUND', errorMessage('error.noStatute', { id }), [
          fieldIssue('id', errorMessage('error.issue.notStatute')),
        ]);
      return impact;
    },
    'insights.policy': () => policy(),
    'insights.report': async ({ region, includeReferrals, format, locale }) => {
      const html = coalitionReportHtml(
        {
          centrality: centrality({ region, includeReferrals, measure: 'betweenness', limit: 10 }),
          coverage: coverageResult(region, 50),
          failures: singlePoints(region, includeReferrals, 10),
          queue: queue(10),
          policy: policy(),
          region: region ?? null,
          today: isoDate(today()),
        },
        locale,
      );
      const fileName = `coalition-report-${isoDate(today())}.${format}`;
      if (format === 'html') return { fileName, mediaType: 'text/html', content: html, encoding: 'utf8' };
      const pdf = await atlas.pdf.htmlToPdf(html, { landscape: true, pageSize: 'A4' });
      return {
        fileName,
        mediaType: 'application/pdf',
        content: Buffer.from(pdf).toString('base64'),
        encoding: 'base64',
      };
    },
  };
}

/** CLI commands of the insights capability. */
import { ACTOR_TYPES, type ActorType } from '../../shared/domain';
import type {
  CentralityResult,
  CoverageResult,
  SinglePointsResult,
  VerificationQueueResult,
} from '../../shared/api/methods/insightsMethods';
import { CENTRALITY_MEASURES, type CentralityMeasure } from '../../shared/insights/centrality';
import { print, unwrap, UsageError, type CliCommand, type CommandContext } from '../command';

/** The full coverage listing: every desert, however many. */
const ALL_DESERTS = 100_000;

function oneOf<T extends string>(context: CommandContext, option: string, allowed: readonly T[]): T | undefined {
  const value = context.values[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
  }
  return value as T;
}

function wholeNumber(context: CommandContext, option: string, fallback: number, max: number): number {
  const value = context.values[option];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || number < 1 || number > max) {
    throw new UsageError(`--${option} must be a whole number from 1 to ${max} (got "${String(value)}")`);
  }
  return number;
}

/** `insights`: central partners, the coverage matrix, the deserts, the single points of failure and the stale count. */
export const insightsCommand: CliCommand = {
  name: 'insights',
  summary:
    'Coalition insights: top central partners, coverage matrix, service deserts, single points of failure, stale records.',
  usage:
    'insights [--region CODE] [--type ACTOR_TYPE] [--measure degree|betweenness|closeness|pagerank] [--top N] [--referrals] [--db PATH] [--json]',
  options: {
    region: { type: 'string' },
    type: { type: 'string' },
    measure: { type: 'string' },
    top: { type: 'string' },
    referrals: { type: 'boolean', default: false },
  },
  async run(context) {
    if (context.positionals.length > 0)
      throw new UsageError(`insights takes no arguments (got "${context.positionals[0]}")`);
    const measure: CentralityMeasure = oneOf(context, 'measure', CENTRALITY_MEASURES) ?? 'betweenness';
    const actorType: ActorType | undefined = oneOf(context, 'type', ACTOR_TYPES);
    const top = wholeNumber(context, 'top', 20, 1_000);
    const region = typeof context.values.region === 'string' ? context.values.region : undefined;
    const includeReferrals = context.values.referrals === true;
    const dispatch = await context.dispatch();
    const centrality = unwrap(
      await dispatch('insights.centrality', { region, actorType, includeReferrals, measure, limit: top }),
    ) as CentralityResult;
    const coverage = unwrap(
      await dispatch('insights.coverage', { within: region, limit: ALL_DESERTS }),
    ) as CoverageResult;
    const failures = unwrap(
      await dispatch('insights.singlePoints', { region, includeReferrals, limit: top }),
    ) as SinglePointsResult;
    const queue = unwrap(await dispatch('insights.verificationQueue', { limit: 1 })) as VerificationQueueResult;
    const value = {
      network: centrality.network,
      centrality: { measure, total: centrality.total, top: centrality.rows },
      communities: centrality.communities,
      coverage: coverage.matrix,
      deserts: coverage.deserts,
      desertCounts: coverage.desertCounts,
      singlePointsOfFailure: { total: failures.total, top: failures.rows },
      staleCount: queue.total,
    };
    print(context, value, () => {
      const facts = centrality.network;
      const lines = [
        `Partner network${region ? ` of ${region}` : ''}: ${facts.actors} actors, ${facts.links} links, ${facts.components} connected parts` +
          (facts.exact ? '' : ` (betweenness and closeness estimated from ${facts.sources} sources)`),
        '',
        `Top ${centrality.rows.length} by ${measure}:`,
        ...centrality.rows.map(
          (row, i) =>
            `  ${String(i + 1).padStart(3)}. ${row[measure].toFixed(4)}  ${row.name} (${row.actorType}, ${row.partners} partners)`,
        ),
        '',
        `Coverage: ${coverage.matrix.needs.length} needs × ${coverage.matrix.regions.length} regions; deserts: ${coverage.desertCounts.noProvider} with no provider, ${coverage.desertCounts.noLanguage} missing a language spoken there`,
        ...coverage.deserts
          .filter((d) => d.kind === 'no_provider')
          .slice(0, top)
          .map((d) => `  no ${d.need} in ${d.region}`),
        '',
        `Single points of failure (${failures.total}):`,
        ...failures.rows.map(
          (row) =>
            `  ${row.name}: ${row.actorsCutOff} partners cut off, ${row.needsLeftUncovered.length} need-regions left uncovered`,
        ),
        '',
        `Stale records (not verified in 12 months): ${queue.total}`,
      ];
      return lines.join('\n');
    });
  },
};

/** The insights commands. */
export const insightsCommands: CliCommand[] = [insightsCommand];

/**
 * CLI commands of the search capability: `search "<query>" [--kind K] [--type T] [--need N] [--lang L] [--region R]
 * [--open-now] [--status S] [--stale | --fresh] [--limit N] [--json]`, over the same `search.query` method as the app.
 */
import { ACTOR_TYPES, NEED_CODES, NODE_KINDS, RECORD_STATUSES, isRegionCode } from '../../shared/domain';
import { MAX_SEARCH_LIMIT } from '../../shared/api/methods/searchMethods';
import type { SearchQuery, SearchResponse, SearchResult } from '../../shared/search/searchTypes';
import { unwrap, UsageError, type CliCommand, type CommandContext } from '../command';

/** The values of a repeatable option, each of which may also hold a comma-separated list. */
function listOption(
  context: CommandContext,
  name: string,
  allowed: readonly string[] | null,
  what: string,
): string[] | undefined {
  const raw = context.values[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [String(raw)])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  for (const value of values) {
    if (!value) throw new UsageError(`--${name} needs a value.`);
    if (allowed && !allowed.includes(value)) {
      throw new UsageError(`--${name}: "${value}" is not ${what}; use one of ${allowed.join(', ')}.`);
    }
    if (!allowed && !/^[a-z]{2,3}$/.test(value)) {
      throw new UsageError(`--${name}: "${value}" is not ${what} (an ISO 639 code such as "en" or "es").`);
    }
  }
  return values;
}

/** Reads the command line into a search query; anything wrong is a {@link UsageError} naming the option. */
export function searchQueryFromArgs(context: CommandContext): SearchQuery {
  if (context.positionals.length > 1) {
    throw new UsageError(`give the query as one argument, in quotes (got ${context.positionals.length} words).`);
  }
  const text = context.positionals[0] ?? '';
  const query: SearchQuery = { text };
  query.kinds = listOption(context, 'kind', NODE_KINDS, 'a record kind') as SearchQuery['kinds'];
  query.actorTypes = listOption(context, 'type', ACTOR_TYPES, 'an actor type') as SearchQuery['actorTypes'];
  query.needs = listOption(context, 'need', NEED_CODES, 'a need code') as SearchQuery['needs'];
  query.languages = listOption(context, 'lang', null, 'a language code');
  const region = context.values.region;
  if (typeof region === 'string') {
    if (!isRegionCode(region)) {
      throw new UsageError(`--region: "${region}" is not a region code such as "US-CA" or "US-CA/Los Angeles County".`);
    }
    query.region = region;
  }
  const status = context.values.status;
  if (typeof status === 'string') {
    if (!(RECORD_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status: "${status}" is not a status; use ${RECORD_STATUSES.join(' or ')}.`);
    }
    query.status = status as SearchQuery['status'];
  }
  if (context.values.stale === true && context.values.fresh === true)
    throw new UsageError('--stale and --fresh exclude each other.');
  if (context.values.stale === true) query.stale = true;
  if (context.values.fresh === true) query.stale = false;
  if (context.values['open-now'] === true) query.openNow = true;
  const limit = context.values.limit;
  if (typeof limit === 'string') {
    const value = Number(limit);
    if (!/^\d+$/.test(limit) || value < 1 || value > MAX_SEARCH_LIMIT) {
      throw new UsageError(`--limit: "${limit}" must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`);
    }
    query.limit = value;
  }
  for (const key of Object.keys(query) as (keyof SearchQuery)[]) if (query[key] === undefined) delete query[key];
  if (!text.trim() && !hasFilters(query)) {
    throw new UsageError('give a query (e.g. search "legal aid") or at least one filter.');
  }
  return query;
}

function hasFilters(query: SearchQuery): boolean {
  return Object.keys(query).some((key) => key !== 'text' && key !== 'limit');
}

/** A result as one line of text, the matched characters in [brackets]. */
export function resultLine(result: SearchResult): string {
  const first = result.matches[0];
  const marked = first ? markRanges(first.text, first.ranges) : result.name;
  const where = first && first.field !== 'name' ? `  (${first.field}: ${marked})` : '';
  const name = first?.field === 'name' ? marked : result.name;
  return `${result.score.toFixed(3)}  ${result.kind.padEnd(14)} ${name}${where}  [${result.id}]`;
}

function markRanges(text: string, ranges: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

/** `search`: fuzzy search over every record; `--json` prints `[{ id, kind, name, score, matches }]`. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary:
    'Find records by name, alias, acronym or any text, forgiving typos; filter by kind, type, need, language, region.',
  usage:
    'search "<query>" [--kind K] [--type T] [--need N] [--lang L] [--region R] [--open-now] [--status S] [--stale|--fresh] [--limit N] [--json]',
  options: {
    kind: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    need: { type: 'string', multiple: true },
    lang: { type: 'string', multiple: true },
    region: { type: 'string' },
    status: { type: 'string' },
    stale: { type: 'boolean' },
    fresh: { type: 'boolean' },
    'open-now': { type: 'boolean' },
    limit: { type: 'string' },
  },
  async run(context) {
    const query = searchQueryFromArgs(context);
    const dispatch = await context.dispatch();
    const response = unwrap(await dispatch('search.query', query)) as SearchResponse;
    if (context.json) {
      const rows = response.results.map(({ id, kind, name, score, matches }) => ({ id, kind, name, score, matches }));
      context.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (response.results.length === 0) {
      const what = query.text.trim() ? `"${query.text}"` : 'the filters';
      context.stdout(
        `No record matches ${what}${query.text.trim() && hasFilters(query) ? ' with these filters' : ''}.\n`,
      );
      return;
    }
    const shown =
      response.results.length < response.total ? ` (best ${response.results.length} of ${response.total})` : '';
    const count = response.total === 1 ? '1 record matches' : `${response.total} records match`;
    context.stdout(`${count}${shown}:\n${response.results.map(resultLine).join('\n')}\n`);
  },
};

/** The search commands. */
export const searchCommands: CliCommand[] = [searchCommand];

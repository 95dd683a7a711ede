import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../shared/api';
import type {
  CentralityResult,
  CoverageResult,
  SinglePointsResult,
  VerificationQueueResult,
} from '../../shared/api/methods/insightsMethods';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import { createHandlers } from './handlers';

type Opened = Awaited<ReturnType<typeof openTempAtlas>>;

describe('insightsService over the sample network', () => {
  let atlas: Opened;
  let dispatch: Dispatch;
  let printed: { html: string; options: unknown } | null = null;
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method as never, input as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    atlas = await openTempAtlas({
      now: () => new Date('2026-11-28T12:00:00Z'),
      pdfRenderer: {
        htmlToPdf: async (html, options) => {
          printed = { html, options };
          return new TextEncoder().encode('%PDF-fake');
        },
      },
    });
    dispatch = createDispatcher(createHandlers(atlas));
  });
  afterAll(() => atlas?.dispose());

  it('ranks sample actors by betweenness and sizes every network actor relative to the highest', async () => {
    const result = await value<CentralityResult>('insights.centrality', { measure: 'betweenness', limit: 5 });
    expect(result.rows).toHaveLength(5);
    expect(result.rows[0]!.betweenness).toBeGreaterThan(0);
    expect(result.rows[0]!.betweenness).toBeGreaterThanOrEqual(result.rows[4]!.betweenness);
    expect(result.network.exact).toBe(true);
    expect(Math.max(...Object.values(result.overlay.size))).toBe(1);
    expect(Object.keys(result.overlay.community)).toHaveLength(result.network.actors);
    expect(result.communities[0]!.leadName).not.toBe('');
  });

  it('filters the ranking by actor type and the network by region', async () => {
    const shelters = await value<CentralityResult>('insights.centrality', { actorType: 'shelter', measure: 'degree' });
    expect(shelters.rows.every((row) => row.actorType === 'shelter')).toBe(true);
    const all = await value<CentralityResult>('insights.centrality', {});
    const orange = await value<CentralityResult>('insights.centrality', { region: 'US-CA/Orange County' });
    expect(orange.network.actors).toBeLessThan(all.network.actors);
  });

  it('recomputes after a write (the cache follows the index revision)', async () => {
    const before = await value<CentralityResult>('insights.centrality', { limit: 1 });
    const again = await value<CentralityResult>('insights.centrality', { limit: 1 });
    expect(again.network).toEqual(before.network);
    const [a, b] = [...atlas.store.index.nodesOfKind('actor')].filter(
      (actor) => actor.status === 'active' && atlas.store.index.edgesOf(actor.id, 'partners_with').length === 0,
    );
    await value('graph.createEdge', { edge: { type: 'partners_with', from: a!.id, to: b!.id, source: 'test' } });
    const after = await value<CentralityResult>('insights.centrality', { limit: 1 });
    expect(after.network.links).toBe(before.network.links + 1);
    await value('history.undo', {});
    expect((await value<CentralityResult>('insights.centrality', { limit: 1 })).network.links).toBe(
      before.network.links,
    );
  });

  it('builds the coverage matrix of the sample counties with Los Angeles County covered for shelter', async () => {
    const result = await value<CoverageResult>('insights.coverage', { within: 'US-CA' });
    const row = result.matrix.needs.findIndex((need) => need.code === 'shelter');
    const column = result.matrix.regions.indexOf('US-CA/Los Angeles County');
    expect(column).toBeGreaterThan(-1);
    expect(result.matrix.counts[row]![column]!).toBeGreaterThan(1);
    expect(result.desertCounts.noProvider + result.desertCounts.noLanguage).toBeGreaterThanOrEqual(
      result.deserts.length,
    );
  });

  it('refuses a malformed region with the field named', async () => {
    const result = await dispatch('insights.coverage', { within: 'los angeles' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('within');
  });

  it('lists single points of failure, biggest loss first', async () => {
    const result = await value<SinglePointsResult>('insights.singlePoints', { limit: 10 });
    expect(result.rows.length).toBeGreaterThan(0);
    const impacts = result.rows.map((row) => row.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
  });

  it('marks a stale record verified today, drops it from the queue, and undoes as one change', async () => {
    const before = await value<VerificationQueueResult>('insights.verificationQueue', { limit: 5000 });
    expect(before.total).toBeGreaterThan(0);
    const first = before.rows[0]!;
    const marked = await value<{ updated: number; verifiedAt: string }>('insights.markVerified', { ids: [first.id] });
    expect(marked).toEqual({ updated: 1, verifiedAt: '2026-11-28' });
    expect(atlas.store.index.node(first.id)?.verifiedAt).toBe('2026-11-28');
    const after = await value<VerificationQueueResult>('insights.verificationQueue', { limit: 5000 });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.some((row) => row.id === first.id)).toBe(false);
    await value('history.undo', {});
    expect(atlas.store.index.node(first.id)?.verifiedAt).toBe(first.verifiedAt);
  });

  it('changes nothing when one of the ids to mark does not exist', async () => {
    const queue = await value<VerificationQueueResult>('insights.verificationQueue', { limit: 1 });
    const id = queue.rows[0]!.id;
    const result = await dispatch('insights.markVerified', { ids: [id, 'actor:no-such-actor'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
    expect(atlas.store.index.node(id)?.verifiedAt).toBe(queue.rows[0]!.verifiedAt);
  });

  it('lists the numbered recommendations and what the TVPA mandates', async () => {
    const policy = await value<{ recommendations: { number: number }[]; statutes: { id: string }[] }>(
      'insights.policy',
      {},
    );
    expect(policy.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const tvpa = policy.statutes.find((s) => s.id.includes('tvpa'));
    expect(tvpa).toBeDefined();
    const impact = await value<{ mandates: unknown[]; citedBy: unknown[] }>('insights.statute', { id: tvpa!.id });
    expect(impact.mandates.length + impact.citedBy.length).toBeGreaterThan(0);
  });

  it('writes the report as self-contained HTML with the heatmap, and as PDF through the registered renderer', async () => {
    const html = await value<{ content: string; mediaType: string }>('insights.report', {
      format: 'html',
      locale: 'es',
    });
    expect(html.mediaType).toBe('text/html');
    expect(html.content).toContain('<svg');
    expect(html.content).toContain('Informe de la coalición');
    expect(html.content).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const pdf = await value<{ content: string; encoding: string }>('insights.report', { format: 'pdf' });
    expect(pdf.encoding).toBe('base64');
    expect(Buffer.from(pdf.content, 'base64').toString()).toBe('%PDF-fake');
    expect(printed?.html).toContain('Coalition report');
    expect(printed?.options).toEqual({ landscape: true, pageSize: 'A4' });
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../../tests/support/tempAtlas';
import { runCliForTest } from '../../../tests/support/cliRun';

const folder = tempDir();
afterAll(() => folder.cleanup());
const db = join(folder.dir, 'insights.sqlite');

const cli = (...argv: string[]) => runCliForTest(argv);

describe('the insights command', () => {
  it('prints the top 20 central partners, the coverage matrix, deserts, single points of failure and the stale count', async () => {
    const result = await cli('insights', '--db', db, '--json');
    expect(result.code).toBe(0);
    const value = JSON.parse(result.stdout);
    expect(value.centrality.top).toHaveLength(20);
    expect(value.centrality.measure).toBe('betweenness');
    expect(value.coverage.counts).toHaveLength(21);
    expect(value.coverage.counts[0]).toHaveLength(value.coverage.regions.length);
    expect(value.deserts.length).toBe(value.desertCounts.noProvider + value.desertCounts.noLanguage);
    expect(value.singlePointsOfFailure.top.length).toBeGreaterThan(0);
    expect(value.staleCount).toBeGreaterThan(0);
  });

  it('filters by actor type and prints a readable summary without --json', async () => {
    const result = await cli('insights', '--db', db, '--type', 'shelter', '--measure', 'pagerank', '--top', '3');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Top 3 by pagerank:/);
    expect(result.stdout).toMatch(/\(shelter, \d+ partners\)/);
  });

  it.each([
    [['--measure', 'fame'], /--measure must be one of degree, betweenness, closeness, pagerank/],
    [['--type', 'wizard'], /--type must be one of agency/],
    [['--top', 'ten'], /--top must be a whole number/],
    [['--region', 'los angeles'], /region: must be an ISO 3166 code/],
    [['extra'], /takes no arguments/],
  ])('exits 2 with a clear message on bad input %j', async (argv, message) => {
    const result = await cli('insights', '--db', db, ...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../../tests/support/tempAtlas';
import { runCliForTest } from '../../../tests/support/cliRun';

const folder = tempDir();
afterAll(() => folder.cleanup());
const db = join(folder.dir, 'search.sqlite');

const cli = (...argv: string[]) => runCliForTest(argv);

describe('the search command', () => {
  it('prints a JSON array of { id, kind, name, score, matches }, best first', async () => {
    const result = await cli('search', 'Polaris Projet', '--db', db, '--limit', '3', '--json');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'kind', 'matches', 'name', 'score']);
    expect(rows[0]).toMatchObject({ id: 'actor:polaris-project', kind: 'actor', name: 'Polaris Project' });
    expect(rows[0]!.matches).toContainEqual({
      field: 'name',
      text: 'Polaris Project',
      ranges: [
        [0, 7],
        [8, 15],
      ],
    });
  });

  it('applies the filters: kind, actor type, need, language and region', async () => {
    const result = await cli(
      'search',
      'shelter',
      '--db',
      db,
      '--kind',
      'actor',
      '--type',
      'shelter',
      '--need',
      'shelter',
      '--lang',
      'km',
      '--region',
      'US-CA/Los Angeles County',
      '--json',
    );
    expect(result.code).toBe(0);
    const ids = (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
    expect(ids).toEqual(['sample:wren-hollow-family-shelter']);
  });

  it('prints readable lines with the matched characters in brackets, and says when nothing matches', async () => {
    const found = await cli('search', 'OVC', '--db', db, '--limit', '1');
    expect(found.stdout).toContain('(aliases: [OVC])');
    expect(found.stdout).toContain('[actor:ovc]');
    const none = await cli('search', 'xyzzy qwrtpl', '--db', db);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No record matches "xyzzy qwrtpl".\n');
    expect(await cli('search', 'xyzzy qwrtpl', '--db', db, '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it.each([
    [['--kind', 'actr'], '--kind: "actr" is not a record kind'],
    [['--type', 'clinic'], '--type: "clinic" is not an actor type'],
    [['--need', 'food'], '--need: "food" is not a need code'],
    [['--lang', 'Spanish'], '--lang: "Spanish" is not a language code'],
    [['--region', 'California'], '--region: "California" is not a region code'],
    [['--limit', '0'], '--limit: "0" must be a whole number from 1 to 200'],
    [['--limit', 'ten'], '--limit: "ten" must be a whole number'],
  ])('refuses bad input %j with exit code 2 and a message naming the option', async (args, message) => {
    const result = await cli('search', 'legal', '--db', db, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('refuses a search with neither text nor filter', async () => {
    const result = await cli('search', '', '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give a query');
  });
});

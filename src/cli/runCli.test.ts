import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, tempDir } from '../../tests/support/tempAtlas';
import { runCliForTest } from '../../tests/support/cliRun';

const folder = tempDir();
afterAll(() => folder.cleanup());
const db = join(folder.dir, 'cli.sqlite');

const cli = (...argv: string[]) => runCliForTest(argv);

describe('the CLI', () => {
  it('prints info as JSON with the database path and counts', async () => {
    const result = await cli('info', '--db', db, '--json');
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info.databasePath).toBe(db);
    expect(info.counts.nodes.need).toBe(21);
    expect(info.counts.sample).toBeGreaterThan(60);
  });

  it('uses REFERRAL_ATLAS_DB when --db is not given', async () => {
    const envDb = join(folder.dir, 'from-env.sqlite');
    const { code, stdout } = await runCliForTest(['info', '--json'], { REFERRAL_ATLAS_DB: envDb });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).databasePath).toBe(envDb);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['info', '--bogus'], /Unknown option '--bogus'/],
    [['get', '--db', db], /exactly one record id/],
    [['get', 'actor:nobody', '--db', db], /There is no record actor:nobody/],
    [['get', 'Not An Id', '--db', db], /id: must look like/],
    [['neighbors', 'need:shelter', '--depth', 'two', '--db', db], /--depth must be a whole number/],
    [['generate', '--db', db], /--actors N is required/],
  ])('exits 2 with a clear message on bad input %j', async (argv, message) => {
    const result = await cli(...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('shows a record with its relations, and its neighbours', async () => {
    const got = JSON.parse((await cli('get', 'statute:t-visa', '--db', db, '--json')).stdout);
    expect(got.record.name).toMatch(/T visa/i);
    expect(got.relations.length).toBeGreaterThan(0);
    const near = JSON.parse((await cli('neighbors', 'statute:t-visa', '--depth', '2', '--db', db, '--json')).stdout);
    expect(near.nodes.map((n: { id: string }) => n.id)).toContain('statute:t-visa');
    expect(near.nodes.length).toBeGreaterThan(got.relations.length);
  });

  it('counts by kind, type and relation type', async () => {
    const stats = JSON.parse((await cli('stats', '--db', db, '--json')).stdout);
    expect(stats.nodes.need).toBe(21);
    expect(stats.actorTypes.shelter).toBeGreaterThan(10);
    expect(stats.edges.partners_with).toBeGreaterThan(100);
  });

  it('generates a deterministic synthetic network, undoes and redoes it', async () => {
    const other = join(folder.dir, 'gen.sqlite');
    const generated = JSON.parse(
      (await cli('generate', '--actors', '40', '--seed', '3', '--db', other, '--no-sample', '--json')).stdout,
    );
    expect(generated.records).toBeGreaterThan(40);
    const undo = JSON.parse((await cli('undo', '--db', other, '--json')).stdout);
    expect(undo.undone.label).toMatch(/Generate a synthetic network of 40 actors/);
    expect(undo.undone.message).toEqual({ key: 'change.generate', params: { actors: 40, seed: 3 } });
    const afterUndo = JSON.parse((await cli('stats', '--db', other, '--json')).stdout);
    expect(afterUndo.actorTypes.ngo ?? 0).toBeLessThan(40);
    const redo = JSON.parse((await cli('redo', '--db', other, '--json')).stdout);
    expect(redo.redone).toEqual(undo.undone);
    expect(JSON.parse((await cli('undo', '--db', other, '--json')).stdout).undone).toEqual(undo.undone);
    expect(JSON.parse((await cli('undo', '--db', other, '--json')).stdout).undone).toBeNull();
  });

  it('backs up and restores, keeping the database it replaced', async () => {
    const file = join(folder.dir, 'cli-backup.sqlite');
    expect((await cli('backup', file, '--db', db)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect((await cli('backup', file, '--db', db)).code).toBe(2);
    const restored = JSON.parse((await cli('restore', file, '--db', db, '--json')).stdout);
    expect(restored.previousSavedAs).toMatch(/before-restore/);
    expect(existsSync(restored.previousSavedAs)).toBe(true);
  });

  it('runs as `npm run -s cli -- info --json` and prints valid JSON', () => {
    const output = execFileSync(
      'npm',
      ['run', '-s', 'cli', '--', 'info', '--json', '--db', join(folder.dir, 'npm.sqlite')],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(output).counts.nodes.actor).toBeGreaterThan(25);
  });
});

/**
 * Crash safety: a child process is SIGKILLed in the middle of a large write transaction. The database must then open,
 * pass integrity_check, and hold all of that write or none of it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAtlas } from '../../src/main/services/atlas';
import { DATA_DIR, PROJECT_ROOT, tempDir } from '../support/tempAtlas';

const folder = tempDir();
afterAll(() => folder.cleanup());

/** Runs the writer; kills it with SIGKILL when it says `killOn` (or lets it finish when null). */
function runWriter(
  databasePath: string,
  killOn: string | null,
): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tests/support/crashWriter.ts'), databasePath, '3000'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn && output.includes(killOn)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ output, signal }));
  });
}

function generatedActors(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare("SELECT count(*) FROM nodes WHERE id LIKE 'actor:gen-%'").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a write killed mid-transaction', () => {
  it('leaves a database that opens, passes integrity_check and holds none of the write', async () => {
    const databasePath = join(folder.dir, 'killed.sqlite');
    const run = await runWriter(databasePath, 'midway');
    expect(run.signal).toBe('SIGKILL');
    expect(run.output).not.toContain('committed');
    const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 't', includeSample: false });
    expect(atlas.store.index.countOfKind('actor')).toBeGreaterThan(0);
    atlas.close();
    expect(generatedActors(databasePath)).toBe(0);
  });

  it('holds all of the write when the transaction commits', async () => {
    const databasePath = join(folder.dir, 'finished.sqlite');
    const run = await runWriter(databasePath, null);
    expect(run.output).toContain('committed');
    expect(generatedActors(databasePath)).toBe(3000);
  });
});

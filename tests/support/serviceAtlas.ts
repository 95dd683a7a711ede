/**
 * Service-level tests over a temporary Atlas: open one (with or without the sample network) with every handler
 * behind the contract's dispatcher, disposed after each test; unwrap a call that must succeed; read the database
 * file's bytes to show that a refused call wrote nothing; check that an import added exactly the sample network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src/shared/api';
import type { ImportReport } from '../../src/shared/api/methods/ioMethods';
import { createHandlers } from '../../src/main/services/handlers';
import { openTempAtlas } from './tempAtlas';

export type TempAtlas = Awaited<ReturnType<typeof openTempAtlas>>;

/** Returns `open`, which gives a fresh Atlas and its dispatcher; every Atlas it opened is disposed after each test. */
export function useServiceAtlases(): (includeSample?: boolean) => Promise<{ atlas: TempAtlas; dispatch: Dispatch }> {
  const opened: TempAtlas[] = [];
  afterEach(() => {
    while (opened.length) opened.pop()!.dispose();
  });
  return async (includeSample = true) => {
    const atlas = await openTempAtlas({ includeSample });
    opened.push(atlas);
    return { atlas, dispatch: createDispatcher(createHandlers(atlas)) };
  };
}

/** The value of a call that must succeed; a failure fails the test with the call's message. */
export async function ok<T>(
  promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${result.error?.message}`);
  return result.value as T;
}

/**
 * Asserts that an import of the sample network, exported from `source`, into a database holding only the seed
 * added exactly the sample network's records: no errors or conflicts, and the seed in both came back unchanged.
 */
export function expectSampleNetworkAdded(applied: ImportReport, source: TempAtlas): void {
  expect(applied.errors).toEqual([]);
  expect(applied.conflictCount).toBe(0);
  expect(applied.changedCount).toBe(0);
  const sample = [...source.store.index.allNodes()].filter((node) => node.id.startsWith('sample:'));
  expect(sample.length).toBeGreaterThan(200);
  expect(applied.addedCount).toBe(sample.length);
}

/** The database file as it is on disk, the WAL checkpointed into it first. */
export function databaseBytes(atlas: { db: TempAtlas['db']; dir: string }): Buffer {
  atlas.db.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(join(atlas.dir, 'atlas.sqlite'));
}

/**
 * Child process for the fault tests: runs one real operation (an import, an export or a migration) and stops at a
 * named point, saying so on stdout (synchronously), so the parent can SIGKILL it exactly there. Stopping is a
 * blocking wait, so nothing after the point runs; without a stop point the operation runs to the end.
 *
 *   import    <db> <hsds.json> [midway]                 kill inside the import's write transaction
 *   export    <db> <out.json>  [half-written|before-rename]  kill while the export file (Cytoscape JSON) is written
 *   migrate   <db> -           [inside-migration]        kill inside the first pending migration's transaction
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createDispatcher } from '../../src/shared/api';
import { backupToFolder } from '../../src/main/db/backups';
import { MIGRATIONS, type Migration } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/openDatabase';
import { openAtlas } from '../../src/main/services/atlas';
import { GraphStore, type GraphWriter } from '../../src/main/services/graphStore';
import { createHandlers } from '../../src/main/services/handlers';
import { DATA_DIR } from './tempAtlas';

const [mode, databasePath = '', argument = '', stopAt = ''] = process.argv.slice(2);

const say = (line: string) => fs.writeSync(1, `${line}\n`);
/** Blocks this process (for the parent's SIGKILL); a minute is far longer than any test waits. */
const stopHere = (point: string) => {
  say(point);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  say('not killed');
  process.exit(3);
};

async function openDispatch() {
  const atlas = await openAtlas({ databasePath, dataDir: DATA_DIR, version: 'fault', includeSample: false });
  return { atlas, dispatch: createDispatcher(createHandlers(atlas)) };
}

if (mode === 'import') {
  const write = GraphStore.prototype.write;
  GraphStore.prototype.write = function <T>(this: GraphStore, ...args: Parameters<GraphStore['write']>): T {
    const [description, body, options] = args;
    const isImport = typeof description === 'object' && description.key === 'change.import';
    if (stopAt !== 'midway' || !isImport) return write.call(this, description, body, options) as T;
    let puts = 0;
    const stopping = (writer: GraphWriter) =>
      new Proxy(writer, {
        get(target, property, receiver) {
          if (property !== 'putNode') return Reflect.get(target, property, receiver) as unknown;
          return (node: Parameters<GraphWriter['putNode']>[0]) => {
            if (++puts === 100) stopHere('midway');
            return target.putNode(node);
          };
        },
      });
    return write.call(this, description, (writer) => body(stopping(writer)), options) as T;
  };
  const { atlas, dispatch } = await openDispatch();
  const result = await dispatch('io.importApply', { format: 'hsds-json', path: argument });
  say(result.ok ? 'imported' : `refused ${JSON.stringify(result.error).slice(0, 300)}`);
  atlas.close();
} else if (mode === 'export') {
  const writeFileSync = fs.writeFileSync;
  const renameSync = fs.renameSync;
  fs.writeFileSync = ((path: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, ...rest: []) => {
    if (stopAt === 'half-written' && typeof path === 'string' && path.endsWith('.partial')) {
      const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
      stopHere('half-written');
    }
    return writeFileSync(path, data, ...rest);
  }) as typeof fs.writeFileSync;
  fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
    if (stopAt === 'before-rename' && String(from).endsWith('.partial')) stopHere('before-rename');
    return renameSync(from, to);
  }) as typeof fs.renameSync;
  // The export module imported these by name; this updates those bindings too.
  syncBuiltinESMExports();
  const { atlas, dispatch } = await openDispatch();
  // A graph format: the same atomic write as every export, without the HSDS schema checks' start-up cost.
  const result = await dispatch('io.export', { format: 'cyjs', audience: 'public', out: argument });
  say(result.ok ? 'exported' : `refused ${JSON.stringify(result.error).slice(0, 300)}`);
  atlas.close();
} else if (mode === 'migrate') {
  const current = new (await import('better-sqlite3')).default(databasePath, { readonly: true });
  const from = current.pragma('user_version', { simple: true }) as number;
  current.close();
  // The first pending step, with a call to fault_point() appended inside its transaction (after its real SQL).
  const pending = MIGRATIONS.find((step) => step.version > from);
  const steps: Migration[] = pending
    ? MIGRATIONS.map((step) => (step === pending ? { ...step, sql: `${step.sql};\nSELECT fault_point();` } : step))
    : [
        ...MIGRATIONS,
        { version: from + 1, name: 'fault test step', sql: 'CREATE TABLE fault_step (x); SELECT fault_point();' },
      ];
  say(`step ${pending ? pending.version : `${from + 1} (synthetic)`}`);
  const db = await openDatabase(databasePath, {
    migrations: steps,
    beforeMigrate: async (connection) => {
      await backupToFolder(connection, databasePath, 'before-migration');
      connection.function('fault_point', () => {
        if (stopAt === 'inside-migration') stopHere('inside-migration');
        return 1;
      });
    },
  });
  say(`migrated to ${String(db.pragma('user_version', { simple: true }))}`);
  db.close();
} else {
  throw new Error(`unknown mode ${mode}`);
}

/**
 * Opening an Atlas: the database (created, checked and migrated, with a backup before any migration), the graph
 * store over it and, on a new database, the seed knowledge base and (unless left out) the sample network.
 * The Electron main process, the CLI and the HTTP bridge all start here.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../db/openDatabase';
import { backupToFolder } from '../db/backups';
import { GraphStore } from './graphStore';
import { readDataSet } from './seedData';
import { chromiumPdfRenderer } from './pdf/chromiumPdfRenderer';
import type { PdfRenderer } from './pdf/pdfRenderer';

/** How to open an Atlas. */
export interface AtlasConfig {
  databasePath: string;
  /** The folder holding `seed/` and `sample/`. */
  dataDir: string;
  /** Whether a new database gets the fictional sample network (default true; `--no-sample` turns it off). */
  includeSample?: boolean;
  version: string;
  now?: () => Date;
  /** How documents become PDFs: printToPDF in the Electron app; headless Chromium by default (CLI, bridge, tests). */
  pdfRenderer?: PdfRenderer;
}

/** An open Atlas: the database, the store over it, and what it was opened with. */
export interface Atlas {
  readonly config: Required<Pick<AtlasConfig, 'databasePath' | 'dataDir' | 'version'>> & { includeSample: boolean };
  readonly db: SqliteDatabase;
  readonly store: GraphStore;
  readonly now: () => Date;
  /** Whether this open created the database and loaded the seed. */
  readonly created: boolean;
  /** Renders printable HTML (plans, directories, reports) to PDF. */
  readonly pdf: PdfRenderer;
  close(): void;
}

const SEEDED_KEY = 'seeded_at';

/** Opens (creating and seeding if needed) the Atlas database at `config.databasePath`. */
export async function openAtlas(config: AtlasConfig): Promise<Atlas> {
  const now = config.now ?? (() => new Date());
  const existed = existsSync(config.databasePath) && statSync(config.databasePath).size > 0;
  const db = await openDatabase(config.databasePath, {
    beforeMigrate: async (connection) => {
      await backupToFolder(connection, config.databasePath, 'before-migration', now());
    },
  });
  try {
    const store = new GraphStore(db, { now });
    const pdf = config.pdfRenderer ?? chromiumPdfRenderer();
    const includeSample = config.includeSample ?? true;
    let created = false;
    if (!existed || store.repository.getMeta(SEEDED_KEY) === null) {
      loadKnowledgeBase(store, config.dataDir, includeSample, now());
      created = true;
    }
    return {
      config: { databasePath: config.databasePath, dataDir: config.dataDir, version: config.version, includeSample },
      db,
      store,
      now,
      created,
      pdf,
      close: () => {
        void pdf.close?.();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Loads the seed knowledge base and, optionally, the sample network as one baseline change set. */
export function loadKnowledgeBase(store: GraphStore, dataDir: string, includeSample: boolean, at: Date): void {
  const sets = [readDataSet(join(dataDir, 'seed'))];
  if (includeSample) sets.push(readDataSet(join(dataDir, 'sample')));
  store.write(
    { key: includeSample ? 'change.loadKnowledgeBaseAndSample' : 'change.loadKnowledgeBase', params: {} },
    (writer) => {
      for (const set of sets) {
        for (const node of set.nodes) writer.putNode(node);
        for (const edge of set.edges) writer.putEdge(edge);
      }
      // In the same transaction, so a crash never leaves a half-seeded database marked as seeded.
      store.repository.setMeta(SEEDED_KEY, at.toISOString());
      store.repository.setMeta('sample_included', String(includeSample));
    },
    { baseline: true },
  );
}

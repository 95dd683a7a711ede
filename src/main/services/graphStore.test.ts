import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasError } from '../../shared/api';
import { edgeId, type NodeRecordInput } from '../../shared/domain';
import { messageText, translate } from '../../shared/i18n';
import { openDatabase } from '../db/openDatabase';
import { tempDir } from '../../../tests/support/tempAtlas';
import { GraphStore } from './graphStore';

const folders: { cleanup(): void }[] = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.cleanup()));

async function freshStore(): Promise<{ store: GraphStore; path: string; reopen(): Promise<GraphStore> }> {
  const folder = tempDir();
  folders.push(folder);
  const path = join(folder.dir, 'atlas.sqlite');
  let db = await openDatabase(path);
  return {
    store: new GraphStore(db),
    path,
    async reopen() {
      db.close();
      db = await openDatabase(path);
      return new GraphStore(db);
    },
  };
}

const shelter: NodeRecordInput = {
  kind: 'actor',
  id: 'actor:harbor-house',
  name: 'Harbor House',
  actorType: 'shelter',
  source: 'test',
  regions: ['US-CA/Los Angeles County'],
};
const legal: NodeRecordInput = {
  kind: 'actor',
  id: 'actor:legal-aid',
  name: 'Legal Aid',
  actorType: 'legal_provider',
  source: 'test',
};
const partnership = {
  type: 'partners_with' as const,
  from: 'actor:legal-aid',
  to: 'actor:harbor-house',
  source: 'test',
};

function fileBytes(store: GraphStore, path: string): Buffer {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(path);
}

describe('GraphStore writes', () => {
  it('stores an edge key once (in its columns) and reads rows of either layout, old whole-edge JSON included', async () => {
    const { store, reopen } = await freshStore();
    store.write('create', (w) => {
      w.putNode(shelter);
      w.putNode(legal);
      w.putEdge({ ...partnership, note: 'since 2019' });
      w.putEdge({ type: 'refers_to', from: 'actor:legal-aid', to: 'actor:harbor-house', source: 'test' });
    });
    const details = store.db.prepare('SELECT type, record FROM edges ORDER BY type').all();
    expect(details).toEqual([
      { type: 'partners_with', record: '{"source":"test","note":"since 2019"}' },
      { type: 'refers_to', record: '{"source":"test"}' },
    ]);
    // A row as an earlier version wrote it: the whole edge in the JSON, its key columns authoritative.
    store.db.prepare("UPDATE edges SET record = ? WHERE type = 'refers_to'").run(
      JSON.stringify({
        type: 'refers_to',
        from: 'actor:legal-aid',
        to: 'actor:harbor-house',
        source: 'old',
        note: 'n',
      }),
    );
    const reopened = await reopen();
    expect(reopened.index.edge('actor:legal-aid|refers_to|actor:harbor-house')).toMatchObject({
      type: 'refers_to',
      from: 'actor:legal-aid',
      to: 'actor:harbor-house',
      source: 'old',
      note: 'n',
    });
    expect(reopened.index.edge(edgeId(partnership))).toMatchObject({ source: 'test', note: 'since 2019' });
  });

  it('fills defaults and keeps the record in the index and the database', async () => {
    const { store, reopen } = await freshStore();
    const stored = store.write('create', (w) => w.putNode(shelter));
    expect(stored).toMatchObject({ status: 'active', aliases: [], open24x7: false, detention: false });
    expect(store.index.node('actor:harbor-house')?.name).toBe('Harbor House');
    expect((await reopen()).index.node('actor:harbor-house')).toEqual(stored);
  });

  it.each([
    ['an empty name', { ...shelter, name: '' }, 'name'],
    ['an unknown actor type', { ...shelter, actorType: 'club' }, 'actorType'],
    ['a malformed region', { ...shelter, regions: ['California'] }, 'regions[0]'],
    ['an unknown field', { ...shelter, clientName: 'Jane' }, 'clientName'],
    ['a bad phone number', { ...shelter, phones: [{ number: 'call me' }] }, 'phones[0].number'],
    ['a bad e-mail', { ...shelter, email: 'nope' }, 'email'],
    ['a missing source', { ...shelter, source: '' }, 'source'],
    ['a bad verified date', { ...shelter, verifiedAt: '2026-02-30' }, 'verifiedAt'],
    ['an age range upside down', { ...shelter, eligibility: { minAge: 18, maxAge: 12 } }, 'eligibility.maxAge'],
    ['a huge description', { ...shelter, description: 'x'.repeat(20_001) }, 'description'],
  ])('refuses a record with %s, naming the field, and writes nothing', async (_label, record, field) => {
    const { store, path } = await freshStore();
    store.write('create', (w) => w.putNode(legal));
    const before = fileBytes(store, path);
    let error: unknown;
    try {
      store.write('bad', (w) => w.putNode(record as NodeRecordInput));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe('BAD_INPUT');
    expect((error as AtlasError).issues?.map((issue) => issue.path)).toContain(field);
    expect((error as AtlasError).message).toContain(field);
    expect(store.index.hasNode('actor:harbor-house')).toBe(false);
    expect(fileBytes(store, path).equals(before)).toBe(true);
  });

  it.each([
    ['statute', {}, 'statuteType'],
    ['recommendation', { title: 'T' }, 'number'],
    ['need', { nameEs: 'x' }, 'code'],
    ['service', { languages: ['Spanish'] }, 'languages[0]'],
    ['service', { hours: [{ day: 'mo', opens: '17:00', closes: '09:00' }] }, 'hours[0].closes'],
  ] as const)('refuses a bad %s record naming the field %j', async (kind, extra, field) => {
    const { store } = await freshStore();
    const bad = { kind, id: `${kind}:x`, name: 'X', source: 's', ...extra } as unknown as NodeRecordInput;
    expect(() => store.write('bad', (w) => w.putNode(bad))).toThrow(field);
    expect(store.index.nodeCount).toBe(0);
  });

  it('refuses an edge to a missing record and rolls back the whole write', async () => {
    const { store } = await freshStore();
    expect(() =>
      store.write('two things', (w) => {
        w.putNode(shelter);
        w.putEdge({ ...partnership, from: 'actor:nobody' });
      }),
    ).toThrow(/there is no record actor:nobody/);
    expect(store.index.nodeCount).toBe(0);
    expect(store.history().undo).toBeNull();
  });

  it('refuses an edge whose ends are of the wrong kinds', async () => {
    const { store } = await freshStore();
    store.write('nodes', (w) => {
      w.putNode(shelter);
      w.putNode(legal);
    });
    expect(() =>
      store.write('bad', (w) =>
        w.putEdge({ type: 'offers', from: 'actor:legal-aid', to: 'actor:harbor-house', source: 's' }),
      ),
    ).toThrow(/“offers” cannot end at Harbor House \(Actor\); it ends at: Service\./);
    expect(() =>
      store.write('bad', (w) =>
        w.putEdge({ type: 'member_of', from: 'actor:legal-aid', to: 'actor:harbor-house', source: 's' }),
      ),
    ).toThrow(/cannot end at Harbor House \(Shelter\); it ends at: Task force\./);
  });

  it('stores a symmetric relation once, whichever way round it is given', async () => {
    const { store } = await freshStore();
    store.write('nodes', (w) => {
      w.putNode(shelter);
      w.putNode(legal);
    });
    const a = store.write('a', (w) => w.putEdge(partnership));
    const b = store.write('b', (w) => w.putEdge({ ...partnership, from: partnership.to, to: partnership.from }));
    expect(a.id).toBe(b.id);
    expect(store.index.edgeCount).toBe(1);
  });

  it('deletes a record together with its relations in one change', async () => {
    const { store } = await freshStore();
    store.write('setup', (w) => {
      w.putNode(shelter);
      w.putNode(legal);
      w.putEdge(partnership);
    });
    store.write('delete', (w) => w.removeNode('actor:harbor-house'));
    expect(store.index.edgeCount).toBe(0);
    expect(store.db.prepare('SELECT count(*) AS n FROM edges').get()).toEqual({ n: 0 });
    store.undo();
    expect(store.index.node('actor:harbor-house')?.name).toBe('Harbor House');
    expect(store.index.edge(edgeId(partnership))).toBeDefined();
  });
});

describe('GraphStore undo and redo', () => {
  it('undoes and redoes node and edge create, update and delete, across a restart', async () => {
    const fixture = await freshStore();
    let store = fixture.store;
    store.write('create nodes', (w) => {
      w.putNode(shelter);
      w.putNode(legal);
    });
    store.write('create edge', (w) => w.putEdge(partnership));
    store.write('rename', (w) => w.putNode({ ...shelter, name: 'Harbor House West' }));
    store.write('delete edge', (w) => w.removeEdge(edgeId(partnership)));
    store.write('delete node', (w) => w.removeNode('actor:legal-aid'));

    store = await fixture.reopen();
    expect(store.history().undo?.label).toBe('delete node');
    expect(store.undo()?.label).toBe('delete node');
    expect(store.index.hasNode('actor:legal-aid')).toBe(true);
    expect(store.undo()?.label).toBe('delete edge');
    expect(store.index.edge(edgeId(partnership))).toBeDefined();

    store = await fixture.reopen();
    expect(store.undo()?.label).toBe('rename');
    expect(store.index.node('actor:harbor-house')?.name).toBe('Harbor House');
    expect(store.undo()?.label).toBe('create edge');
    expect(store.index.edgeCount).toBe(0);
    expect(store.undo()?.label).toBe('create nodes');
    expect(store.index.nodeCount).toBe(0);
    expect(store.undo()).toBeNull();

    store = await fixture.reopen();
    expect(store.history()).toMatchObject({ undo: null, redo: { label: 'create nodes' } });
    expect(store.redo()?.label).toBe('create nodes');
    expect(store.redo()?.label).toBe('create edge');
    expect(store.redo()?.label).toBe('rename');
    expect(store.index.node('actor:harbor-house')?.name).toBe('Harbor House West');
    store = await fixture.reopen();
    expect(store.redo()?.label).toBe('delete edge');
    expect(store.redo()?.label).toBe('delete node');
    expect(store.index.hasNode('actor:legal-aid')).toBe(false);
    expect(store.index.node('actor:harbor-house')?.name).toBe('Harbor House West');
    expect(store.redo()).toBeNull();
  });

  it('forgets the redo stack after a new change, but keeps it in the audit log', async () => {
    const { store } = await freshStore();
    store.write('create', (w) => w.putNode(shelter));
    store.undo();
    store.write('other', (w) => w.putNode(legal));
    expect(store.history()).toMatchObject({ undo: { label: 'other' }, redo: null });
    const states = store.db.prepare('SELECT label, state FROM change_sets ORDER BY id').all();
    expect(states).toEqual([
      { label: 'create', state: 'discarded' },
      { label: 'other', state: 'applied' },
    ]);
  });

  it('keeps what a change did as a message, named in English in the log and in any language by undo', async () => {
    const fresh = await freshStore();
    let store = fresh.store;
    store.write({ key: 'change.create', params: { name: shelter.name } }, (w) => w.putNode(shelter));
    store.write({ key: 'change.create', params: { name: legal.name } }, (w) => w.putNode(legal));
    store.write(
      {
        key: 'change.relate',
        params: { from: shelter.name, type: { message: 'network.edge.partners_with' }, to: legal.name },
      },
      (w) => w.putEdge(partnership),
    );
    const relate = store.history().undo!;
    expect(relate.label).toBe(`Add “${shelter.name} partners with ${legal.name}”`);
    expect(messageText(relate.message!, (key, values) => translate('es', key, values))).toBe(
      `Añadir «${shelter.name} colabora con ${legal.name}»`,
    );
    // Across a restart, and on both sides of undo and redo.
    store = await fresh.reopen();
    expect(store.undo()).toEqual(relate);
    expect(store.history().redo).toEqual(relate);
    expect(store.history().undo).toEqual({
      label: `Create ${legal.name}`,
      message: { key: 'change.create', params: { name: legal.name } },
    });
  });

  it('names a change by its label when its stored message cannot be read', async () => {
    const { store } = await freshStore();
    store.write({ key: 'change.create', params: { name: shelter.name } }, (w) => w.putNode(shelter));
    for (const broken of ['{"key":"change.nothing","params":{}}', 'not json', '{"key":"change.create"}']) {
      store.db.prepare('UPDATE change_sets SET message = ?').run(broken);
      expect(store.history().undo).toEqual({ label: `Create ${shelter.name}`, message: null });
    }
  });

  it('never offers the seed load to undo', async () => {
    const { store } = await freshStore();
    store.write('seed', (w) => w.putNode(shelter), { baseline: true });
    expect(store.history().undo).toBeNull();
    expect(store.undo()).toBeNull();
    expect(store.index.hasNode('actor:harbor-house')).toBe(true);
  });

  it('records who changed what, before and after, in the audit log', async () => {
    const { store } = await freshStore();
    store.write('create', (w) => w.putNode(shelter));
    store.write('rename', (w) => w.putNode({ ...shelter, name: 'Renamed' }));
    const rows = store.db
      .prepare(
        "SELECT c.entity_id AS id, c.before, c.after FROM changes c JOIN change_sets s ON s.id = c.change_set WHERE s.label = 'rename'",
      )
      .all() as { id: string; before: string; after: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.before).name).toBe('Harbor House');
    expect(JSON.parse(rows[0]!.after).name).toBe('Renamed');
  });

  it('tells listeners what changed after the commit', async () => {
    const { store } = await freshStore();
    const seen: string[] = [];
    store.onChange((change) => seen.push(`${change.label}:${change.nodes.map((n) => n.id).join(',')}`));
    store.write('create', (w) => w.putNode(shelter));
    store.undo();
    expect(seen).toEqual(['create:actor:harbor-house', 'Undo: create:actor:harbor-house']);
  });
});

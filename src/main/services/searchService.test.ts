/** Search over the real seed knowledge base and sample network, through the service the app and the CLI use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempAtlas } from '../../../tests/support/tempAtlas';
import type { SearchQuery } from '../../shared/search/searchTypes';
import { createSearchService, type SearchService } from './searchService';

// A Wednesday, 10:30 local time: inside weekday office hours.
const NOW = new Date(2026, 10, 18, 10, 30);

describe('search over the seed knowledge base', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  let service: SearchService;
  const search = async (text: string, filters: Omit<SearchQuery, 'text'> = {}) =>
    (await service.search({ text, ...filters })).results;
  const top3 = async (text: string) => (await await search(text, { limit: 3 })).map((result) => result.id);

  beforeAll(async () => {
    atlas = await openTempAtlas({ now: () => NOW });
    service = createSearchService(atlas);
  });
  afterAll(() => atlas?.dispose());

  it('builds its index on the first search, not at open', async () => {
    expect(service.built).toBe(false);
    await search('polaris');
    expect(service.built).toBe(true);
  });

  it.each([
    ['Polaris Projet', 'actor:polaris-project'],
    ['Coalition to Abolish Slavery and Traficking', 'actor:cast'],
    ['Legal Servises Corporation', 'actor:legal-services-corporation'],
    ['Ofice for Victms of Crime', 'actor:ovc'],
    ['Palremo Protocol', 'statute:palermo-protocol'],
    ['Nightjar Survivr Helpline', 'sample:nightjar-helpline'],
  ])('finds a misspelled name: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it.each([
    ['OVC', 'actor:ovc'],
    ['CAST', 'actor:cast'],
    ['TVPA', 'statute:tvpa-2000'],
    ['VAWA', 'statute:vawa-1994'],
    ['INS', 'actor:ins'],
    ['tvpa', 'statute:tvpa-2000'],
  ])('finds an acronym: %s', async (query, id) => {
    expect((await top3(query))[0]).toBe(id);
  });

  it('finds a record by the initials of its name when it has no such alias', async () => {
    // "Heron Step Counseling Collective" lists no alias; HSCC is read from its name.
    expect(await top3('HSCC')).toContain('sample:heron-step-counseling-collective');
  });

  it.each([
    ['Palermo Protocol', 'statute:palermo-protocol'],
    ['State Department', 'actor:us-department-of-state'],
    ['Three Moons House', 'sample:casa-tres-lunas'],
    ['Form I-914', 'service:t-visa-application'],
    ['TIP Report', 'statute:tip-annual-report'],
  ])('finds an alias: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it.each([
    ['circulo de apoyo', 'sample:svc-marigold-gate-circulo'],
    ['atencion medica', 'need:medical'],
    ['Interpretación y traducción', 'need:interpretation'],
    ['Polarís Prôject', 'actor:polaris-project'],
  ])('ignores accents: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it.each([
    ['labour department', 'actor:us-department-of-labor'],
    ['International Visitor programme', 'service:international-visitor-program'],
    ['childrens program', 'sample:svc-casa-tres-lunas-ninos'],
    ['Heron Step Counselling Collective', 'sample:heron-step-counseling-collective'],
    ['counselling and mental health', 'need:mental_health'],
    ['Bluewater Harbour Clinic', 'sample:bluewater-harbor-clinic'],
    ['Furrow Legal Defence', 'sample:furrow-legal-defense'],
    ['Immigration and Naturalisation Service', 'actor:ins'],
  ])('treats British and American spellings alike: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it.each([
    ['trafficking hotline', 'actor:national-human-trafficking-hotline'],
    ['worker exploitation complaint line', 'actor:national-worker-exploitation-complaint-line'],
    ['legal aid trafficking victims', 'actor:legal-aid-providers-for-trafficking-victims'],
    ['homeland security department', 'actor:us-department-of-homeland-security'],
  ])('finds a record from several words: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it('ranks the records named by every word first', async () => {
    const results = (await search('human trafficking hotline', { limit: 5 })).map((result) => result.id);
    expect(results.slice(0, 2).sort()).toEqual([
      'actor:national-human-trafficking-hotline',
      'service:national-human-trafficking-hotline',
    ]);
  });

  it.each([
    ['Polar', 'actor:polaris-project'],
    ['national human traff', 'actor:national-human-trafficking-hotline'],
    ['Casa Tres Lu', 'sample:casa-tres-lunas'],
    ['quillst', 'sample:quillstone-trauma-recovery-center'],
  ])('completes the last word while it is typed: %s', async (query, id) => {
    expect(await top3(query)).toContain(id);
  });

  it('says so when nothing matches', async () => {
    expect(await service.search({ text: 'xyzzy qwrtpl' })).toEqual({ results: [], total: 0 });
  });

  it('marks the matched characters in the record’s own spelling', async () => {
    const [first] = await search('circulo');
    expect(first?.id).toBe('sample:svc-marigold-gate-circulo');
    const name = first!.matches.find((match) => match.field === 'name')!;
    expect(name.ranges.map(([from, to]) => name.text.slice(from, to))).toContain('Círculo');
    const [labor] = await search('labour department');
    const labourName = labor!.matches.find((match) => match.field === 'name')!;
    expect(labourName.ranges.map(([from, to]) => labourName.text.slice(from, to))).toEqual(['Department', 'Labor']);
  });

  it('marks only the typed part of a word being completed', async () => {
    const [first] = await search('quillst');
    const name = first!.matches.find((match) => match.field === 'name')!;
    expect(name.ranges.map(([from, to]) => name.text.slice(from, to))).toEqual(['Quillst']);
  });

  it('filters by kind and by actor type', async () => {
    const services = await search('counseling', { kinds: ['service'], limit: 50 });
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((result) => result.kind === 'service')).toBe(true);
    const shelters = await search('family', { actorTypes: ['shelter'], limit: 50 });
    expect(shelters.map((result) => result.id)).toContain('sample:wren-hollow-family-shelter');
    expect(shelters.every((result) => result.kind === 'actor' && result.subtype === 'shelter')).toBe(true);
  });

  it('filters by the need a record meets, through its services', async () => {
    const results = await search('', { needs: ['interpretation'], kinds: ['actor'], limit: 200 });
    expect(results.map((result) => result.id)).toContain('sample:voz-clara-interpreters-cooperative');
    for (const result of results) {
      const meets = atlas.store.index
        .neighbours(result.id, 'offers')
        .some((service) => atlas.store.index.neighbours(service, 'meets').includes('need:interpretation'));
      expect(meets, result.id).toBe(true);
    }
  });

  it('filters by language', async () => {
    const results = await search('', { languages: ['km'], limit: 200 });
    expect(results.map((result) => result.id)).toContain('sample:wren-hollow-family-shelter');
    for (const result of results) {
      const record = atlas.store.index.node(result.id)!;
      expect('languages' in record && record.languages.includes('km'), result.id).toBe(true);
    }
  });

  it('filters by region: a region matches every place under it, and records serving around it', async () => {
    const region = async (code: string) =>
      (await search('', { region: code, kinds: ['actor'], limit: 200 })).map((r) => r.id);
    const inLongBeach = await region('US-CA/Los Angeles County/Long Beach');
    expect(inLongBeach).toContain('sample:wren-hollow-family-shelter');
    expect(inLongBeach).toContain('sample:nightjar-helpline');
    expect(inLongBeach).not.toContain('sample:coral-sage-haven');
    const inCalifornia = await region('US-CA');
    expect(inCalifornia).toContain('sample:wren-hollow-family-shelter');
    expect(inCalifornia).toContain('sample:coral-sage-haven');
  });

  it('filters by open now, status and staleness', async () => {
    const open = (await search('shelter', { openNow: true, limit: 200 })).map((r) => r.id);
    expect(open).toContain('sample:wren-hollow-family-shelter');
    const sundayNight = createSearchService({ ...atlas, now: () => new Date(2026, 10, 22, 23, 0) });
    const closed = (await sundayNight.search({ text: 'shelter', openNow: true, limit: 200 })).results.map((r) => r.id);
    expect(closed).not.toContain('sample:wren-hollow-family-shelter');
    expect((await search('INS', { status: 'historical' })).map((r) => r.id)).toContain('actor:ins');
    expect((await search('INS', { status: 'active' })).map((r) => r.id)).not.toContain('actor:ins');
    // The seed records carry no verified date, so they are stale; the sample network has recent ones.
    expect((await search('polaris', { stale: true })).map((r) => r.id)).toContain('actor:polaris-project');
    expect((await search('polaris', { stale: false })).map((r) => r.id)).not.toContain('actor:polaris-project');
  });
});

describe('the search index follows every change', () => {
  let atlas: Awaited<ReturnType<typeof openTempAtlas>>;
  let service: SearchService;
  const ids = async (text: string) => (await service.search({ text, limit: 5 })).results.map((result) => result.id);

  beforeAll(async () => {
    atlas = await openTempAtlas({ includeSample: false });
    service = createSearchService(atlas);
    await ids('warm up');
  });
  afterAll(() => atlas?.dispose());

  const actor = {
    id: 'actor:zephyrine-refuge',
    kind: 'actor' as const,
    actorType: 'shelter' as const,
    name: 'Zephyrine Refuge',
    source: 'test',
  };

  it('finds a record created after the index was built, and forgets it once deleted', async () => {
    atlas.store.write('create', (writer) => writer.putNode(actor));
    expect(await ids('zephyrine')).toEqual(['actor:zephyrine-refuge']);
    atlas.store.write('rename', (writer) => writer.putNode({ ...actor, name: 'Marisol Refuge' }));
    expect(await ids('zephyrine')).toEqual([]);
    expect(await ids('marisol')).toEqual(['actor:zephyrine-refuge']);
    atlas.store.undo();
    expect(await ids('zephyrine')).toEqual(['actor:zephyrine-refuge']);
    atlas.store.write('delete', (writer) => writer.removeNode(actor.id));
    expect(await ids('zephyrine')).toEqual([]);
  });

  it('finds an actor by a service it starts to offer, and by the need that service meets', async () => {
    atlas.store.write('create', (writer) => {
      writer.putNode(actor);
      writer.putNode({ id: 'service:quetzal-beds', kind: 'service', name: 'Quetzal emergency beds', source: 'test' });
    });
    expect(await ids('quetzal')).toEqual(['service:quetzal-beds']);
    expect(
      (await service.search({ text: '', needs: ['shelter'], kinds: ['actor'], limit: 200 })).results.map((r) => r.id),
    ).not.toContain(actor.id);
    atlas.store.write('relate', (writer) => {
      writer.putEdge({ type: 'offers', from: actor.id, to: 'service:quetzal-beds', source: 'test' });
      writer.putEdge({ type: 'meets', from: 'service:quetzal-beds', to: 'need:shelter', source: 'test' });
    });
    expect(await ids('quetzal')).toEqual(expect.arrayContaining(['service:quetzal-beds', actor.id]));
    expect(
      (await service.search({ text: '', needs: ['shelter'], kinds: ['actor'], limit: 200 })).results.map((r) => r.id),
    ).toContain(actor.id);
    // Renaming the service renames what its actor is found by.
    atlas.store.write('rename service', (writer) =>
      writer.putNode({ id: 'service:quetzal-beds', kind: 'service', name: 'Tanager emergency beds', source: 'test' }),
    );
    expect(await ids('quetzal')).toEqual([]);
    expect(await ids('tanager')).toEqual(expect.arrayContaining(['service:quetzal-beds', actor.id]));
  });
});

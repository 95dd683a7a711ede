import { describe, expect, it } from 'vitest';
import { edgeRecordSchema, nodeRecordSchema } from '../domain';
import { GraphIndex } from '../graph/graphIndex';
import { directoryHtml } from './directoryHtml';
import { buildDirectory, sectionsIn } from './directoryModel';

const index = new GraphIndex();
for (const record of [
  { kind: 'actor', id: 'actor:casa', name: 'Casa Tres Lunas', actorType: 'shelter', source: 'test' },
  { kind: 'service', id: 'service:beds', name: 'Emergency beds', source: 'test' },
  { kind: 'service', id: 'service:lawyers', name: 'Immigration lawyers', source: 'test' },
  {
    kind: 'need',
    id: 'need:shelter',
    code: 'shelter',
    name: 'Emergency shelter',
    nameEs: 'Albergue de emergencia',
    source: 'test',
  },
  { kind: 'need', id: 'need:legal_aid', code: 'legal_aid', name: 'Legal help', nameEs: 'Ayuda legal', source: 'test' },
])
  index.putNode(nodeRecordSchema.parse(record));
for (const [type, from, to] of [
  ['offers', 'actor:casa', 'service:beds'],
  ['offers', 'actor:casa', 'service:lawyers'],
  ['meets', 'service:beds', 'need:shelter'],
  ['meets', 'service:lawyers', 'need:legal_aid'],
])
  index.putEdge(edgeRecordSchema.parse({ type, from, to, source: 'test' }));

describe('the directory in a language', () => {
  const model = buildDirectory(index, {}, 'public', new Date('2026-11-29T12:00:00Z'));

  it('names each need as its record does in that language, in that language’s order', () => {
    expect(sectionsIn(model, 'en').map((section) => section.name)).toEqual(['Emergency shelter', 'Legal help']);
    expect(sectionsIn(model, 'es').map((section) => section.name)).toEqual(['Albergue de emergencia', 'Ayuda legal']);
  });

  it('prints the needs in Spanish in a Spanish directory, in its contents and under each service', () => {
    const html = directoryHtml(model, 'es', 'US');
    expect(html).toContain('<h3>Albergue de emergencia</h3>');
    expect(html).toContain('Ayuda legal');
    expect(html).not.toContain('Emergency shelter');
    expect(html).not.toContain('Legal help');
    expect(directoryHtml(model, 'en', 'US')).toContain('<h3>Emergency shelter</h3>');
  });
});

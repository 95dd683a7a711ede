/**
 * Bad import files over the real services, one table row per file: each is refused with a message naming its file,
 * row and field, and leaves the database byte-identical; so is a 100 MB file, before it is read.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api/methods/ioMethods';
import { hsdsUuid } from '../../shared/hsds/hsdsUuid';
import { databaseBytes, useServiceAtlases } from '../../../tests/support/serviceAtlas';

const open = useServiceAtlases();

const uuid = (name: string) => hsdsUuid(`test:${name}`);
const service = (extra: Record<string, unknown> = {}) => ({
  id: uuid('s1'),
  name: 'Test service',
  status: 'active',
  ...extra,
});
const json = (value: unknown) => JSON.stringify(value);
const needAttribute = (code: string) => ({
  id: uuid(`a-${code}`),
  link_type: 'meets',
  taxonomy_term: { id: uuid(`t-${code}`), name: code, description: '', code, taxonomy: 'referral-atlas-needs' },
});
const servicesCsvHeader =
  'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified';
const serviceRow = (id: string, name: string, minAge = '', organizationId = '') =>
  `${id},${organizationId},,${name},,,,,active,,,,,,,,${minAge},,,,,,`;

interface BadFile {
  name: string;
  format: 'hsds-json' | 'hsds-csv' | 'elements-csv';
  files: { name: string; content: string | Buffer }[];
  file: string;
  row?: number;
  field?: string | RegExp;
  message: RegExp;
}

const BAD_FILES: BadFile[] = [
  {
    name: 'truncated JSON',
    format: 'hsds-json',
    files: [{ name: 'cut.json', content: '{"id": "x", "name": ' }],
    file: 'cut.json',
    message: /malformed JSON/,
  },
  {
    name: 'an empty JSON file',
    format: 'hsds-json',
    files: [{ name: 'empty.json', content: '' }],
    file: 'empty.json',
    message: /malformed JSON/,
  },
  {
    name: 'a list of numbers',
    format: 'hsds-json',
    files: [{ name: 'numbers.json', content: '[1, 2]' }],
    file: 'numbers.json',
    message: /must be an HSDS object/,
  },
  {
    name: 'an object that is not HSDS',
    format: 'hsds-json',
    files: [{ name: 'other.json', content: '{"foo": 1}' }],
    file: 'other.json',
    message: /not an HSDS service/,
  },
  {
    name: 'a service without a name',
    format: 'hsds-json',
    files: [{ name: 'noname.json', content: json({ id: uuid('x'), status: 'active' }) }],
    file: 'noname.json',
    message: /required property 'name'/,
  },
  {
    name: 'a service id that is not a UUID',
    format: 'hsds-json',
    files: [{ name: 'badid.json', content: json(service({ id: 'not-a-uuid' })) }],
    file: 'badid.json',
    field: 'id',
    message: /format "uuid"/,
  },
  {
    name: 'an unknown service status',
    format: 'hsds-json',
    files: [{ name: 'status.json', content: json(service({ status: 'open' })) }],
    file: 'status.json',
    field: 'status',
    message: /allowed values/,
  },
  {
    name: 'a malformed e-mail',
    format: 'hsds-json',
    files: [{ name: 'email.json', content: json(service({ email: 'nobody' })) }],
    file: 'email.json',
    field: 'email',
    message: /format "email"/,
  },
  {
    name: 'a negative... string minimum age',
    format: 'hsds-json',
    files: [{ name: 'age.json', content: json(service({ minimum_age: 'twelve' })) }],
    file: 'age.json',
    field: 'minimum_age',
    message: /must be number/,
  },
  {
    name: 'duplicate service ids',
    format: 'hsds-json',
    files: [{ name: 'dupes.json', content: json([service(), service({ name: 'Other' })]) }],
    file: 'dupes.json',
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a need that is not in our taxonomy',
    format: 'hsds-json',
    files: [{ name: 'need.json', content: json(service({ attributes: [needAttribute('flying')] })) }],
    file: 'need.json',
    field: /taxonomy_term.code/,
    message: /not a need/,
  },
  {
    name: 'a legal basis with a wrong link type',
    format: 'hsds-json',
    files: [
      {
        name: 'legal.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('l'),
                link_type: 'likes',
                taxonomy_term: {
                  id: uuid('lt'),
                  name: 'TVPA',
                  description: '',
                  code: 'statute:tvpa-2000',
                  taxonomy: 'referral-atlas-legal-bases',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'legal.json',
    field: /link_type/,
    message: /eligibility_under or established_by/,
  },
  {
    name: 'a legal basis pointing at an unknown statute',
    format: 'hsds-json',
    files: [
      {
        name: 'statute.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('l2'),
                link_type: 'eligibility_under',
                taxonomy_term: {
                  id: uuid('lt2'),
                  name: 'Nothing',
                  description: '',
                  code: 'statute:does-not-exist',
                  taxonomy: 'referral-atlas-legal-bases',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'statute.json',
    message: /neither in the file nor in the database/,
  },
  {
    name: 'a field attribute that is not JSON',
    format: 'hsds-json',
    files: [
      {
        name: 'field.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('f'),
                link_type: 'field',
                value: '{oops',
                taxonomy_term: {
                  id: uuid('ft'),
                  name: 'tags',
                  description: '',
                  code: 'tags',
                  taxonomy: 'referral-atlas-fields',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'field.json',
    field: /attributes\[0\]\.value/,
    message: /not valid JSON/,
  },
  {
    name: 'a record id that breaks the id rules',
    format: 'hsds-json',
    files: [
      {
        name: 'ourid.json',
        content: json(
          service({
            attributes: [
              {
                id: uuid('i'),
                link_type: 'field',
                value: '"Bad Id"',
                taxonomy_term: {
                  id: uuid('it'),
                  name: 'id',
                  description: '',
                  code: 'id',
                  taxonomy: 'referral-atlas-fields',
                },
              },
            ],
          }),
        ),
      },
    ],
    file: 'ourid.json',
    field: 'id',
    message: /must look like/,
  },
  {
    name: 'a UTF-16 JSON file',
    format: 'hsds-json',
    files: [
      {
        name: 'utf16.json',
        content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(service()), 'utf16le')]),
      },
    ],
    file: 'utf16.json',
    message: /UTF-16/,
  },
  {
    name: 'a Latin-1 JSON file',
    format: 'hsds-json',
    files: [{ name: 'latin1.json', content: Buffer.from(json(service({ name: 'Café Niño' })), 'latin1') }],
    file: 'latin1.json',
    message: /not UTF-8 \(invalid byte 0xe9/,
  },
  {
    name: 'a services.csv with an unknown column',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader},colour\n${serviceRow(uuid('c1'), 'A')},red\n` }],
    file: 'services.csv',
    row: 1,
    field: 'colour',
    message: /unknown column/,
  },
  {
    name: 'a services.csv row with no name',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c2'), '')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'name',
    message: /required property 'name'/,
  },
  {
    name: 'a services.csv age that is not a number',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c3'), 'A', 'twelve')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'minimum_age',
    message: /not a number/,
  },
  {
    name: 'duplicate ids in services.csv',
    format: 'hsds-csv',
    files: [
      {
        name: 'services.csv',
        content: `${servicesCsvHeader}\n${serviceRow(uuid('c4'), 'A')}\n${serviceRow(uuid('c4'), 'B')}\n`,
      },
    ],
    file: 'services.csv',
    row: 3,
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a service of an organization not in the package',
    format: 'hsds-csv',
    files: [
      { name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c5'), 'A', '', uuid('nobody'))}\n` },
    ],
    file: 'services.csv',
    row: 2,
    field: 'organization_id',
    message: /not in the package/,
  },
  {
    name: 'a CSV file that is not an HSDS table',
    format: 'hsds-csv',
    files: [{ name: 'people.csv', content: 'id,name\n1,x\n' }],
    file: 'people.csv',
    message: /not a table of the HSDS package/,
  },
  {
    name: 'an unclosed quote in services.csv',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${uuid('c6')},,,"Unclosed,,,,,active\n` }],
    file: 'services.csv',
    message: /malformed CSV/,
  },
  {
    name: 'a row of services.csv with fewer cells than the header has columns',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${uuid('c8')},,A\n` }],
    file: 'services.csv',
    row: 2,
    message: /malformed CSV: .*too few/,
  },
  {
    name: 'a row of services.csv with more cells than the header has columns',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c9'), 'A')},extra\n` }],
    file: 'services.csv',
    row: 2,
    message: /malformed CSV: .*too many/,
  },
  {
    name: 'a phone with no number',
    format: 'hsds-csv',
    files: [
      { name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow(uuid('c7'), 'A')}\n` },
      {
        name: 'phones.csv',
        content: `id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description\n${uuid('p1')},,${uuid('c7')},,,,,,voice,\n`,
      },
    ],
    file: 'phones.csv',
    row: 2,
    field: 'number',
    message: /required property 'number'/,
  },
  {
    name: 'a service UUID in the wrong format in a CSV',
    format: 'hsds-csv',
    files: [{ name: 'services.csv', content: `${servicesCsvHeader}\n${serviceRow('1234', 'A')}\n` }],
    file: 'services.csv',
    row: 2,
    field: 'id',
    message: /format "uuid"/,
  },
  {
    name: 'an elements sheet with an unknown column',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Colour\nA,ngo,red\n' }],
    file: 'elements.csv',
    row: 1,
    field: 'Colour',
    message: /unknown column/,
  },
  {
    name: 'an elements sheet without a Type column',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Description\nA,x\n' }],
    file: 'elements.csv',
    row: 1,
    field: 'Type',
    message: /required column "Type" is missing/,
  },
  {
    name: 'an element with an empty label',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type\n,ngo\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'Label',
    message: /must not be empty/,
  },
  {
    name: 'an element of an unknown type',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type\nA,spaceship\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'Type',
    message: /not a type of element/,
  },
  {
    name: 'a connection to an unknown element',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\n' },
      { name: 'connections.csv', content: 'From,To,Type\nA,Nobody Anywhere,partners_with\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'To',
    message: /neither in the file nor in the database/,
  },
  {
    name: 'a connection of an unknown type',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\n' },
      { name: 'connections.csv', content: 'From,To,Type\nA,A,loves\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'Type',
    message: /not a type of connection/,
  },
  {
    name: 'a connection joining the wrong kinds',
    format: 'elements-csv',
    files: [
      { name: 'elements.csv', content: 'Label,Type\nA,ngo\nB,service\n' },
      { name: 'connections.csv', content: 'From,To,Type\nB,A,offers\n' },
    ],
    file: 'connections.csv',
    row: 2,
    field: 'Type',
    message: /must start at actor/,
  },
  {
    name: 'duplicate IDs in an elements sheet',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'ID,Label,Type\nactor:x1,A,ngo\nactor:x1,B,ngo\n' }],
    file: 'elements.csv',
    row: 3,
    field: 'id',
    message: /duplicate id/,
  },
  {
    name: 'a language that is not an ISO code',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Languages\nA,ngo,English\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'languages[0]',
    message: /ISO 639/,
  },
  {
    name: 'a region that is not a region code',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Regions\nA,ngo,los angeles\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'regions[0]',
    message: /ISO 3166/,
  },
  {
    name: 'a Windows-1252 spreadsheet',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: Buffer.from('Label,Type\nCentro de Ayuda Méndez,ngo\n', 'latin1') }],
    file: 'elements.csv',
    message: /not UTF-8/,
  },
  {
    name: 'a verified date that is not a date',
    format: 'elements-csv',
    files: [{ name: 'elements.csv', content: 'Label,Type,Verified\nA,ngo,last week\n' }],
    file: 'elements.csv',
    row: 2,
    field: 'verifiedAt',
    message: /YYYY-MM-DD/,
  },
];

describe('bad files', () => {
  it('has at least 30 of them', () => expect(BAD_FILES.length).toBeGreaterThanOrEqual(30));

  it.each(BAD_FILES)('refuses $name with a message naming file, row and field, and changes nothing', async (bad) => {
    const { atlas, dispatch } = await open();
    const before = databaseBytes(atlas);
    const files = bad.files.map((file) => ({
      name: file.name,
      contentBase64: Buffer.from(file.content).toString('base64'),
    }));
    const preview = await dispatch('io.importPreview', { format: bad.format, files });
    const issues = preview.ok ? (preview.value as ImportReport).errors : [];
    if (preview.ok) {
      const issue = issues.find((candidate) => bad.message.test(candidate.message));
      expect(issue, JSON.stringify(issues.slice(0, 3))).toBeDefined();
      expect(issue!.file).toBe(bad.file);
      if (bad.row !== undefined) expect(issue!.row).toBe(bad.row);
      if (bad.field !== undefined) expect(issue!.field).toMatch(bad.field);
      expect(issue!.text).toContain(bad.file);
    } else {
      expect(preview.error.message).toMatch(bad.message);
      expect(preview.error.message).toContain(bad.file);
    }
    const applied = await dispatch('io.importApply', { format: bad.format, files });
    expect(applied.ok).toBe(false);
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });

  it('refuses a 100 MB file before reading it, and changes nothing', async () => {
    const { atlas, dispatch } = await open();
    const before = databaseBytes(atlas);
    const path = join(atlas.dir, 'huge.json');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const result = await dispatch('io.importApply', { format: 'hsds-json', path });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /huge\.json: the file is 100\.0 MB; imports are limited to 64 MB/,
    );
    expect(databaseBytes(atlas).equals(before)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n';
import { readCoalitionSheets, type Sheet } from './coalitionSpreadsheet';
import { describeImportIssue, importIssue } from './importPlan';

const spanish: Translate = (key, params) => translate('es', key, params);

/** A spreadsheet with a row of each kind of mistake a person makes by hand. */
function badSheets(): { elements: Sheet; connections: Sheet } {
  return {
    elements: {
      file: 'elementos.csv',
      columns: ['Label', 'Type'],
      rows: [
        { Label: 'Casa Tres Lunas', Type: 'Shelter' },
        { Label: '', Type: 'ngo' },
        { Label: 'Clínica Norte', Type: 'clinic' },
      ],
    },
    connections: {
      file: 'conexiones.csv',
      columns: ['From', 'To', 'Type'],
      rows: [{ From: 'Casa Tres Lunas', To: 'Clínica Norte', Type: 'knows' }],
    },
  };
}

describe('describeImportIssue', () => {
  it('says where and what in English by default, as the CLI and the report print it', () => {
    const { elements, connections } = badSheets();
    const read = readCoalitionSheets(elements, connections);
    expect(read.errors.map((issue) => describeImportIssue(issue))).toEqual([
      'elementos.csv, row 3, field "Label": must not be empty',
      expect.stringMatching(/^elementos\.csv, row 4, field "Type": "clinic" is not a type of element; use "service"/),
      expect.stringMatching(/^conexiones\.csv, row 2, field "Type": "knows" is not a type of connection; use one of/),
    ]);
  });

  it('says it in Spanish for the import wizard, the schema messages and the importers’ own', () => {
    const { elements, connections } = badSheets();
    const read = readCoalitionSheets(elements, connections);
    expect(read.errors.map((issue) => describeImportIssue(issue, spanish))).toEqual([
      'elementos.csv, fila 3, campo «Label»: no puede estar vacío',
      expect.stringMatching(/^elementos\.csv, fila 4, campo «Type»: «clinic» no es un tipo de elemento; use «service»/),
      expect.stringMatching(/^conexiones\.csv, fila 2, campo «Type»: «knows» no es un tipo de conexión; use uno de/),
    ]);
  });

  it('names a place in a JSON file by its pointer, and shows a message without a key as it is', () => {
    const issue = { file: 'a.json', row: null, pointer: 'contents[2]', field: 'name', message: 'is required' };
    expect(describeImportIssue(issue, spanish)).toBe('a.json, contents[2], campo «name»: is required');
    const keyed = importIssue({ file: 'a.csv', row: 1 }, 'Notes', 'import.columnTwice', { column: 'Notes' });
    expect(keyed.message).toBe('the column "Notes" appears twice');
    expect(describeImportIssue(keyed, spanish)).toBe(
      'a.csv, fila 1, campo «Notes»: la columna «Notes» aparece dos veces',
    );
  });
});

/**
 * Bad import files over the real services, one table row per file (the tables, one per format, are in
 * tests/fixtures/badImportFiles): each is refused with a message naming its file, row and field, and leaves the
 * database byte-identical; so is a 100 MB file, before it is read.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api/methods/ioMethods';
import { isKnownMessage, messageText, translate, type Translate } from '../../shared/i18n';
import { importIssueMessage } from '../../shared/interchange/importPlan';
import { ELEMENTS_CSV_BAD_FILES } from '../../../tests/fixtures/badImportFiles/elementsCsv';
import { HSDS_CSV_BAD_FILES } from '../../../tests/fixtures/badImportFiles/hsdsCsv';
import { HSDS_JSON_BAD_FILES } from '../../../tests/fixtures/badImportFiles/hsdsJson';
import { databaseBytes, useServiceAtlases } from '../../../tests/support/serviceAtlas';

const open = useServiceAtlases();

const BAD_FILES = [...HSDS_JSON_BAD_FILES, ...HSDS_CSV_BAD_FILES, ...ELEMENTS_CSV_BAD_FILES];

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

  it('tells of every problem in Spanish too, the HSDS schema checker’s included', async () => {
    const { dispatch } = await open();
    const spanish: Translate = (key, params) => translate('es', key, params);
    const untranslated: string[] = [];
    let described = 0;
    for (const bad of BAD_FILES) {
      const files = bad.files.map((file) => ({
        name: file.name,
        contentBase64: Buffer.from(file.content).toString('base64'),
      }));
      const preview = await dispatch('io.importPreview', { format: bad.format, files });
      const report = preview.ok ? (preview.value as ImportReport) : null;
      for (const issue of report ? [...report.errors, ...report.warnings] : []) {
        described++;
        if (importIssueMessage(issue, spanish) === issue.message) untranslated.push(issue.message);
      }
      if (!preview.ok) {
        described++;
        if (!isKnownMessage(preview.error.text) || messageText(preview.error.text, spanish) === preview.error.message)
          untranslated.push(preview.error.message);
      }
    }
    expect(described).toBeGreaterThanOrEqual(BAD_FILES.length);
    expect(untranslated).toEqual([]);
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

/**
 * The whole UI in Spanish: every tab, a record's details and forms, the table view, the settings menu, the import
 * wizard and the saved plans, read as a user sees them (text, and the labels, titles and placeholders a screen reader
 * or a pointer shows), hold no English UI message.
 * A message is English here when it is the English text of a key whose Spanish differs; a message with values is
 * matched as a pattern. The sample records themselves are English data, not UI, and are not messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en, type MessageKey } from '../../src/shared/i18n/en';
import { es } from '../../src/shared/i18n/es';
import { launchChromium, screenshot, watchPageErrors } from '../support/browser';
import { startServedApp } from '../support/runningApp';

/** Each English message that reads differently in Spanish, as a whole-string pattern (values match any text, a count any number). */
function englishOnlyMessages(): { key: MessageKey; pattern: RegExp }[] {
  const spanishTexts = new Set(Object.values(es));
  const literalParts = (key: MessageKey) => en[key].split(/\{\w+\}/);
  return (
    (Object.keys(en) as MessageKey[])
      .filter((key) => en[key] !== es[key] && !spanishTexts.has(en[key]))
      // A message that is mostly values ("{type} →") says nothing English by itself.
      .filter(
        (key) =>
          literalParts(key)
            .join('')
            .replace(/[^A-Za-z]/g, '').length >= 3,
      )
      .map((key) => {
        // Literal text and placeholder names alternate; a count matches only a number ("{count} services" is not the
        // record "child services").
        const pieces = en[key].split(/\{(\w+)\}/);
        const source = pieces
          .map((piece, i) =>
            i % 2 === 0 ? piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : piece === 'count' ? '[\\d.,]+' : '.+',
          )
          .join('');
        return { key, pattern: new RegExp(`^${source}$`, 's') };
      })
  );
}

/** What the page shows now: each text node's text, and the labels, titles and placeholders of its elements. */
function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const element of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [aria-roledescription]',
    )) {
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-roledescription']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

const TAB_IDS: Record<string, string> = { Plan: 'plan', Directorio: 'directory', Análisis: 'insights' };

/** The contrast ratio (WCAG 2) of an element's text colour on its background colour, both opaque. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((wanted) => {
    const style = getComputedStyle(document.querySelector(wanted)!);
    const luminance = (colour: string) => {
      const [r, g, b] = colour
        .match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map((part) => Number(part) / 255);
      const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  }, selector);
}

describe('the UI in Spanish', () => {
  let app: Awaited<ReturnType<typeof startServedApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const english = englishOnlyMessages();
  const seen: { where: string; text: string; key: MessageKey }[] = [];

  /** Notes every English message shown now. */
  const scan = async (where: string) => {
    for (const text of await shownTexts(page)) {
      const found = english.find(({ pattern }) => pattern.test(text));
      if (found) seen.push({ where, text, key: found.key });
    }
  };

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    errors = watchPageErrors(page);
    await page.addInitScript(() => localStorage.setItem('atlas.locale', 'es'));
    const url = new URL(app.bridge.url);
    url.search = '?atlasTest=1';
    await page.goto(url.toString());
    await page.waitForFunction(() => (window.__atlasCy?.nodes().length ?? 0) > 0);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('knows English when it sees it (the check can fail)', () => {
    expect(english.length).toBeGreaterThan(100);
    const hit = (text: string) => english.some(({ pattern }) => pattern.test(text));
    expect(hit('Save changes')).toBe(true);
    expect(hit('Undo: Edit Marigold Gate Residence')).toBe(true);
    expect(hit('Guardar cambios')).toBe(false);
    expect(hit('Marigold Gate Residence')).toBe(false);
    expect(hit('12 services')).toBe(true);
    expect(hit('child services')).toBe(false);
  });

  it('shows no English message on any tab, in the details, the edit form or the settings', async () => {
    await page.getByRole('tab', { name: 'Red' }).waitFor();
    // While the first layout runs (its progress in the status bar), and once it is done.
    await scan('Red: primera distribución');
    await page.waitForFunction(() => !document.querySelector('.status-bar__task'), undefined, { timeout: 30_000 });
    await scan('Red');
    // A record's details and its edit form: every field's label.
    await page.evaluate(() => {
      window.__atlasCy!.nodes()[0]!.emit('tap');
    });
    await page.locator('.details[data-selected-id]').waitFor();
    await scan('Red: detalles');
    await page.locator('.details').getByRole('button', { name: 'Editar', exact: true }).click();
    await page.getByRole('button', { name: 'Guardar cambios' }).waitFor();
    await scan('Red: formulario');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Cancelar' }).click();
    // The relation form, the new-record form and the table view.
    await page.locator('.details').getByRole('button', { name: 'Añadir relación' }).click();
    await page.getByRole('button', { name: 'Crear relación' }).waitFor();
    await scan('Red: relación');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('button', { name: 'Nuevo registro' }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Cancelar' }).waitFor();
    await scan('Red: nuevo registro');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('button', { name: 'Tabla', exact: true }).click();
    await page.locator('.node-table').waitFor();
    await scan('Red: tabla');
    await page.getByRole('button', { name: 'Grafo', exact: true }).click();
    await page.getByRole('button', { name: 'Ajustes' }).click();
    await scan('Ajustes');
    await page.keyboard.press('Escape');
    for (const tab of ['Plan', 'Directorio', 'Análisis']) {
      await page.getByRole('tab', { name: tab }).click();
      // The chosen tab, still under the pointer, reads at WCAG AA contrast (its hover once hid its text).
      expect(await contrastOf(page, `#tab-${TAB_IDS[tab]}`)).toBeGreaterThanOrEqual(4.5);
      await page.waitForFunction(() => !document.querySelector('.view-loading'));
      await page.waitForTimeout(500);
      await scan(tab);
      await screenshot(page, `spanish-${tab === 'Análisis' ? 'analisis' : tab.toLowerCase()}`);
    }
    // The directory's import wizard, and the plan's saved plans.
    await page.getByRole('tab', { name: 'Directorio' }).click();
    await page.getByRole('button', { name: 'Importar…' }).click();
    await page.waitForTimeout(300);
    await scan('Directorio: importar');
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Abrir guardado' }).click();
    await page.waitForTimeout(300);
    await scan('Plan: guardados');
    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("tells of the app's refusals in Spanish: an id already taken, a file that is not UTF-8, a spreadsheet's mistakes", async () => {
    await page.reload();
    await page.waitForFunction(() => (window.__atlasCy?.nodes().length ?? 0) > 0);
    const taken = await page.evaluate(() => window.__atlasCy!.nodes()[0]!.id());
    await page.getByRole('button', { name: 'Nuevo registro' }).click();
    const form = page.locator('.record-form');
    await form.getByLabel('Nombre', { exact: true }).fill('Refugio de prueba');
    await form.getByLabel('Identificador', { exact: true }).fill(taken);
    await form.getByLabel('Fuente', { exact: true }).fill('Prueba de la interfaz en español');
    // A choice left empty is asked for in the form's words (zod's own message listed the codes).
    await form.getByRole('button', { name: 'Crear registro' }).click();
    await expect.poll(() => form.locator('.field__error').allTextContents()).toEqual(['elija una opción']);
    await form.getByLabel('Tipo de actor', { exact: true }).selectOption('shelter');
    await form.getByRole('button', { name: 'Crear registro' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe(`El identificador ${taken} ya está en uso.`);
    await scan('Red: identificador en uso');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Cancelar' }).click();

    await page.getByRole('tab', { name: 'Directorio' }).click();
    await page.getByRole('button', { name: 'Importar…' }).click();
    await page.getByTestId('import-format').selectOption('elements-csv');
    // The formats by name, and the file chooser in the app's words (the browser's own control speaks the system's).
    expect(await page.getByTestId('import-format').locator('option:checked').textContent()).toBe(
      'Hoja de la coalición (CSV: elementos y conexiones)',
    );
    const chooser = page.locator('.file-choice');
    expect(await chooser.textContent()).toBe('Archivo(s)Elegir archivos…Ningún archivo elegido');
    // "Label,Type" saved as UTF-16 (little-endian, with its byte-order mark), as some spreadsheets do.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Label,Type\n', 'utf16le')]);
    await page.getByTestId('import-file').setInputFiles({ name: 'socios.csv', mimeType: 'text/csv', buffer: utf16 });
    expect(await chooser.textContent()).toBe('Archivo(s)Elegir archivos…socios.csv');
    await page.getByTestId('import-check').click();
    await expect
      .poll(() => page.getByTestId('import-message').textContent())
      .toBe('socios.csv: el archivo está en UTF-16; guárdelo como UTF-8 (en una hoja de cálculo: «CSV UTF-8»).');
    await scan('Directorio: archivo en UTF-16');
    // A spreadsheet with mistakes: what it holds and what is wrong, each at its row and column.
    const sheet = 'Label,Type\nCasa Tres Lunas,clinic\n,ngo\n';
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'socios.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').locator('p').first().textContent()).toBe(
      'El archivo contiene: 2 elementos, 2 filas',
    );
    const problems = await page.getByTestId('import-report').locator('.problems li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^socios\.csv, fila 2, campo «Type»: «clinic» no es un tipo de elemento; use «service» o uno de /,
    );
    expect(problems[1]).toBe('socios.csv, fila 3, campo «Label»: no puede estar vacío');
    await scan('Directorio: errores de importación');
    // The status bar is short of room in Spanish: the database path gives way, the undo button keeps its words.
    const undo = page.getByTestId('status-history').getByRole('button').first();
    expect(await undo.textContent()).toBe('Nada que deshacer');
    expect(await undo.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
    await screenshot(page, 'spanish-refusal');
    expect(seen).toEqual([]);
    // The two refusals are the bridge's answers (409, 400), which the browser logs; nothing else went wrong.
    expect(errors.filter((error) => !/status of (409|400) /.test(error))).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});

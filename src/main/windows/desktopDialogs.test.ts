import { describe, expect, it } from 'vitest';
import { AtlasError, errorMessage } from '../../shared/api';
import { openFailureOffer } from '../db/backupPolicy';
import { databaseFailureDialog, dialogLocale, externalLinkDialog, startFailureDialog } from './desktopDialogs';

const backup = { path: '/data/atlas-backups/atlas-daily.sqlite', at: '2026-11-27T09:00:00.000Z' };
const damaged = new AtlasError(
  'UNAVAILABLE',
  errorMessage('error.databaseDamaged', { path: '/data/atlas.sqlite', detail: 'malformed' }),
);

describe('dialogLocale', () => {
  it('speaks the first of the system languages the app knows, else English', () => {
    expect(dialogLocale(['es-MX', 'en-US'])).toBe('es');
    expect(dialogLocale(['fr-FR', 'es_ES'])).toBe('es');
    expect(dialogLocale(['en-GB', 'es'])).toBe('en');
    expect(dialogLocale(['de-DE'])).toBe('en');
    expect(dialogLocale([])).toBe('en');
  });
});

describe('databaseFailureDialog', () => {
  it('says why and offers the last good backup, in English', () => {
    const dialog = databaseFailureDialog(damaged, openFailureOffer('damaged', backup), 'en');
    expect(dialog.title).toBe('Referral Atlas cannot open its database');
    expect(dialog.message).toMatch(/^The database at \/data\/atlas\.sqlite is damaged \(malformed\)/);
    expect(dialog.detail).toMatch(/^The last good backup was taken 2026-11-27T09:00:00\.000Z\./);
    expect(dialog.buttons).toEqual(['Restore the last good backup', 'Quit']);
    expect(dialog.cancelId).toBe(1);
  });

  it('says it all in Spanish on a Spanish system, quitting the only choice when there is nothing to restore', () => {
    const dialog = databaseFailureDialog(damaged, openFailureOffer('damaged', null), 'es');
    expect(dialog.title).toBe('Referral Atlas no puede abrir su base de datos');
    expect(dialog.message).toMatch(/^La base de datos en \/data\/atlas\.sqlite está dañada \(malformed\)/);
    expect(dialog.detail).toMatch(/^No hay ninguna copia de seguridad buena que restaurar/);
    expect(dialog.buttons).toEqual(['Salir']);
    expect(dialog.cancelId).toBe(0);
  });
});

describe('startFailureDialog', () => {
  it('tells of a full disk as the user can act on it, and of any other error by its text', () => {
    const full = Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
    expect(startFailureDialog(full, 'es')).toEqual({
      title: 'Referral Atlas no pudo iniciarse',
      content: expect.stringMatching(/^El disco está lleno\./),
    });
    expect(startFailureDialog(new Error('the window failed'), 'en')).toEqual({
      title: 'Referral Atlas could not start',
      content: 'the window failed',
    });
  });
});

describe('externalLinkDialog', () => {
  it('names the host the link really goes to, with Cancel the default, in either language', () => {
    const english = externalLinkDialog('https://example.org/help', 'example.org', 'en');
    expect(english.message).toBe('Open example.org in your web browser?');
    expect(english.detail).toContain('https://example.org/help');
    expect(english.buttons[english.defaultId]).toBe('Cancel');
    const spanish = externalLinkDialog('https://example.org/help', 'example.org', 'es');
    expect(spanish.message).toBe('¿Abrir example.org en el navegador web?');
    expect(spanish.buttons[spanish.defaultId]).toBe('Cancelar');
  });
});

import { describe, expect, it } from 'vitest';
import { resolveDatabasePath, userDataDir } from './paths';

describe('the default database path', () => {
  it('follows Electron’s userData folder on each platform', () => {
    expect(userDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Referral Atlas');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/Referral Atlas');
    expect(userDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Referral Atlas');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain(
      'Referral Atlas',
    );
  });

  it('takes --db first, then REFERRAL_ATLAS_DB, then the user-data folder', () => {
    expect(resolveDatabasePath('/x.sqlite', { REFERRAL_ATLAS_DB: '/y.sqlite' })).toBe('/x.sqlite');
    expect(resolveDatabasePath(undefined, { REFERRAL_ATLAS_DB: '/y.sqlite' })).toBe('/y.sqlite');
    expect(resolveDatabasePath(undefined, { HOME: '/h' }, 'linux')).toMatch(/Referral Atlas\/atlas\.sqlite$/);
  });
});

/**
 * The lint rules that hold items of Electron's security checklist (eslint.config.js) really fire: each bad snippet
 * is refused where it would matter, and the one sanctioned place for `shell.openExternal` is allowed.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../../../tests/support/tempAtlas';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('the security lint rules', () => {
  it.each([
    ['nodeIntegration: true', /nodeIntegration: true breaks/],
    ['nodeIntegrationInWorker: true', /nodeIntegrationInWorker: true breaks/],
    ['contextIsolation: false', /contextIsolation: false breaks/],
    ['sandbox: false', /sandbox: false breaks/],
    ['webSecurity: false', /webSecurity: false breaks/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent: true breaks/],
    ['experimentalFeatures: true', /experimentalFeatures: true breaks/],
    ['webviewTag: true', /webviewTag: true breaks/],
    ["enableBlinkFeatures: 'CSSVariables'", /enableBlinkFeatures/],
  ])('refuses web preferences with %s', async (property, message) => {
    const code = `export const webPreferences = { ${property} };\n`;
    expect(await messagesFor(code, 'src/main/windows/extraWindow.ts')).toEqual([expect.stringMatching(message)]);
  });

  it('accepts the secure values of the same preferences', async () => {
    const code = 'export const webPreferences = { nodeIntegration: false, sandbox: true, contextIsolation: true };\n';
    expect(await messagesFor(code, 'src/main/windows/extraWindow.ts')).toEqual([]);
  });

  it('refuses @electron/remote', async () => {
    const code = "import remote from '@electron/remote';\nexport const r = remote;\n";
    expect(await messagesFor(code, 'src/preload/extra.ts')).toContainEqual(expect.stringMatching(/@electron\/remote/));
  });

  it('refuses shell.openExternal anywhere but src/main/security/openExternal.ts', async () => {
    const code = 'export const go = (shell: { openExternal(u: string): void }) => shell.openExternal("x");\n';
    expect(await messagesFor(code, 'src/main/services/linkService.ts')).toEqual([
      expect.stringMatching(/Open links only through/),
    ]);
    expect(await messagesFor(code, 'src/main/security/openExternal.ts')).toEqual([]);
  });

  it('refuses loading pages from file:// with loadFile', async () => {
    const code = 'export const go = (w: { loadFile(p: string): void }) => w.loadFile("index.html");\n';
    expect(await messagesFor(code, 'src/main/windows/extraWindow.ts')).toEqual([expect.stringMatching(/app:\/\//)]);
  });
});

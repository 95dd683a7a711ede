/**
 * Electron's checklist item 1 (only load secure content) holds in the strongest form: the app loads nothing from
 * the network at all. The page, its styles and its code name no remote resource, and the page's own CSP matches
 * the one the app protocol sends.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../tests/support/tempAtlas';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const RENDERER = join(PROJECT_ROOT, 'src', 'renderer');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('remote content', () => {
  it('the renderer’s HTML, CSS and code load nothing from another origin', () => {
    const loads = [
      /<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i,
      /url\(\s*["']?(https?:)?\/\//i,
      /@import\s+(url\()?\s*["']?(https?:)?\/\//i,
      /\bimport\s*\(?\s*["']https?:/,
      /\b(fetch|EventSource|WebSocket)\s*\(\s*["'`](https?|wss?):/,
    ];
    const offenders = filesUnder(RENDERER)
      .filter((file) => /\.(html|css|tsx?|svg)$/.test(file) && !file.endsWith('.test.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return loads.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
      });
    expect(offenders).toEqual([]);
  });

  it('the page’s own CSP is as strict as the header the app sends, and names no remote origin', () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/https?:|wss?:|\*|unsafe-eval|unsafe-inline/);
    const directives = (csp: string) =>
      new Map(
        csp
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .map(([name = '', ...values]) => [name, values.join(' ')]),
      );
    const header = directives(CONTENT_SECURITY_POLICY);
    for (const [name, values] of directives(meta!)) expect(header.get(name), name).toBe(values);
  });
});

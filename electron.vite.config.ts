import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compileCommonJsWrappersEagerly } from './scripts/eagerCommonJsWrappers';

/**
 * Links in the page's head for every script and stylesheet the first screen needs, so the browser fetches and
 * compiles them while the entry script runs. The entry (main.tsx) imports the app in steps, so Vite would otherwise
 * fetch each step's chunk only when the step before it had run. The Network tab opens first and its canvas code
 * (Cytoscape) is a chunk of its own, imported when the view mounts: it is preloaded too.
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'referral-atlas:preload-startup-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const entry = chunks.find((chunk) => chunk.isEntry);
        const startup = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = byFile.get(fileName);
          if (!chunk || startup.has(fileName) || fileName === entry?.fileName) return;
          startup.add(fileName);
          chunk.imports.forEach(visit);
        };
        entry?.dynamicImports.forEach(visit);
        const network = chunks.find((chunk) => chunk.name === 'graphController');
        if (network) visit(network.fileName);
        const stylesheets = [...startup].flatMap((fileName) => [
          ...(byFile.get(fileName)?.viteMetadata?.importedCss ?? []),
        ]);
        return [
          ...stylesheets.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: `./${href}` },
            injectTo: 'head' as const,
          })),
          ...[...startup].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [react(), preloadStartupChunks(), compileCommonJsWrappersEagerly()],
    build: {
      // Minified: less script to parse before the first paint (electron-vite leaves it off by default).
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        // The shared modules only define things (constants, functions, schemas): importing one from its folder's
        // index must not bring in the rest. Otherwise a screen that needs only the vocabulary would also build
        // every zod schema (zod builds a schema when its module runs), which the first screen does not need.
        treeshake: { moduleSideEffects: (id) => !id.includes('/src/shared/') },
      },
    },
  },
});

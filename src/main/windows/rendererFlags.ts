/**
 * Flags for V8 in the app's pages: Electron hands `js-flags` to every renderer. The Chromium that the end-to-end tests
 * and `npm run bench` drive runs with the same ones (tests/support/browser.ts), so that what is measured is what runs.
 *
 * `--no-memory-reducer`: V8's memory reducer runs a compacting full collection once a page has allocated little for
 * eight seconds, as one task on the main thread: 45–78 ms of CPU and 106–153 ms of wall time at ~5,000 records,
 * while the worker laid the graph out (traces of `npm run bench -- network`). The Long Tasks API does not report such
 * a task, but input waits for it all the same. Without the reducer, no step of the bench showed such a task (the
 * longest task of its 30 steps at ~5,000 records, collections included, was 36.7 ms in a probe; README.md has the
 * full runs). What it costs is memory: 20 s after those steps the page's heap held 205 MB (126 MB in use), where the
 * reducer had brought it down to 90 MB. Collections still run as the heap grows.
 */
export const RENDERER_JS_FLAGS: readonly string[] = ['--no-memory-reducer'];

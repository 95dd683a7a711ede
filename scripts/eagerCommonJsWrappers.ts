/**
 * A build plugin: the wrapper Rolldown puts around each CommonJS module (React, React DOM and the scheduler in the
 * renderer) becomes a function expression in parentheses instead of an arrow function.
 *
 * V8 compiles a function expression in parentheses at once, with the rest of its script, which the browser does off
 * the main thread while it downloads the script (script streaming). An arrow function it only pre-parses, and
 * compiles on the main thread when it is first called. React DOM's wrapper holds its whole 180 kB module: as an arrow,
 * the task that imports React DOM took 37 to 56 ms of the main thread's CPU (median 40); as a function, 22 to 30 ms
 * (median 27), over eight traced opens of each build at a thousand records, in turn. The functions inside still
 * compile when first called.
 *
 * The two forms behave alike here: the wrappers use neither `this` nor `arguments` of their own (in a module's strict
 * code both are undefined at the top level, as `this` is in a function called plainly).
 */
import type { Plugin } from 'vite';

/** `__commonJSMin(((exports, module) => {` as Rolldown writes a wrapper's head, before minifying. */
const ARROW_WRAPPER = /\b(__commonJS(?:Min)?)\(\(\(([\w$]+(?:, [\w$]+)*)?\) => \{/g;

/** `code` with every CommonJS wrapper's head written as a function expression (the body and its end are alike). */
export function eagerCommonJsWrappers(code: string): string {
  return code.replace(
    ARROW_WRAPPER,
    (_match, helper: string, parameters = '') => `${helper}((function (${parameters}) {`,
  );
}

/** The plugin: rewrites each chunk as it is written (see {@link eagerCommonJsWrappers}). */
export function compileCommonJsWrappersEagerly(): Plugin {
  return {
    name: 'referral-atlas:compile-commonjs-wrappers-eagerly',
    renderChunk(code) {
      const rewritten = eagerCommonJsWrappers(code);
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

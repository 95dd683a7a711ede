import { describe, expect, it } from 'vitest';
import { eagerCommonJsWrappers } from './eagerCommonJsWrappers';

/** Rolldown's helper as it writes it, and a chunk with two CommonJS modules, one requiring the other. */
const CHUNK = `var __commonJSMin = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, mod.exports), cb = null), mod.exports);
var require_counter = /* @__PURE__ */ __commonJSMin(((exports) => {
  let count = 0;
  exports.next = () => ++count;
}));
var require_app = /* @__PURE__ */ __commonJSMin(((exports, module, this$1) => {
  const counter = require_counter();
  module.exports = { first: counter.next(), second: counter.next(), self: typeof this$1 };
}));
const callbacks = [1, 2].map(((n) => { return n * 2; }));
return { app: require_app(), callbacks };`;

describe('CommonJS wrappers written as function expressions', () => {
  it('rewrites the head of every wrapper, whatever its parameters, and nothing else', () => {
    const rewritten = eagerCommonJsWrappers(CHUNK);
    expect(rewritten).toContain('__commonJSMin((function (exports) {');
    expect(rewritten).toContain('__commonJSMin((function (exports, module, this$1) {');
    expect(rewritten).not.toMatch(/__commonJSMin\(\(\(/);
    // An arrow that is not a wrapper stays one.
    expect(rewritten).toContain('[1, 2].map(((n) => { return n * 2; }))');
    expect(eagerCommonJsWrappers('const f = (a) => a;')).toBe('const f = (a) => a;');
  });

  it('leaves the modules behaving as before', () => {
    const run = (code: string) => new Function(code)() as unknown;
    expect(run(eagerCommonJsWrappers(CHUNK))).toEqual(run(CHUNK));
    expect(run(eagerCommonJsWrappers(CHUNK))).toEqual({
      app: { first: 1, second: 2, self: 'object' },
      callbacks: [2, 4],
    });
  });
});

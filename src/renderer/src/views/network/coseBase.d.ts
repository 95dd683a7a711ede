/** Types for cose-base, which ships none: only the class that fcose runs, whose pass layoutSettling.ts ends. */
declare module 'cose-base' {
  import type { SpringPass } from './layoutSettling';
  const coseBase: { CoSELayout: { prototype: SpringPass } };
  export default coseBase;
}

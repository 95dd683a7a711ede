/**
 * Types for cose-base, which ships none: the class that fcose runs, whose pass layoutSettling.ts ends, and the
 * layout-base it runs on, whose repulsion layoutRepulsion.ts replaces.
 */
declare module 'cose-base' {
  import type { SpringPass } from './layoutSettling';
  import type { LayoutBase } from './layoutRepulsion';
  const coseBase: { CoSELayout: { prototype: SpringPass }; layoutBase: LayoutBase };
  export default coseBase;
}

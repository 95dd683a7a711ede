/** Types for cytoscape-svg, which ships none: the extension that adds `cy.svg()` (typed in cytoscapeSvgCore.d.ts). */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}

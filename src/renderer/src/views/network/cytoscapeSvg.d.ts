/** Types for cytoscape-svg, which ships none: the extension that adds `cy.svg()` (typed in cytoscapeSvgCore.d.ts). */
declare module 'cytoscape-svg' {
  const extension: import('cytoscape').Ext;
  export default extension;
}

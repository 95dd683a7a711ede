/** What cytoscape-svg adds to a Cytoscape instance. */
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    /** The graph as an SVG document. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}

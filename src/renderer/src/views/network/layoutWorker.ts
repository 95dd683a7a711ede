/**
 * The force-directed layout (fcose) in a Web Worker over a headless Cytoscape, so that laying out thousands of
 * records never freezes the window. The view posts a {@link LayoutRequest} and gets positions back.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const reply = (message: LayoutResponse) => (self as unknown as Worker).postMessage(message);
  try {
    const { nodes, edges, randomize } = event.data;
    const known = nodes.some((node) => node.x !== undefined);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
      elements: [
        ...nodes.map((node) => ({
          group: 'nodes' as const,
          data: { id: node.id, size: node.size },
          position: { x: node.x ?? 0, y: node.y ?? 0 },
        })),
        ...edges.map((edge, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: edge.source, target: edge.target } })),
      ],
    });
    cy.layout({
      name: 'fcose',
      // Starting from known positions keeps the user's mental map; fcose then needs the slow-cooling quality.
      randomize: randomize || !known,
      quality: randomize || !known ? 'default' : 'proof',
      animate: false,
      fit: false,
      nodeSeparation: 90,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 9000,
      numIter: nodes.length > 2000 ? 1200 : 2500,
    } as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
    });
    cy.destroy();
    reply({ ok: true, positions, ms: performance.now() - started });
  } catch (error) {
    reply({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

/**
 * The force-directed layout (fcose) in a Web Worker over a headless Cytoscape, so that laying out thousands of
 * records never freezes the window. The view posts a {@link LayoutRequest} and gets positions back, in its order.
 * The arrangements of a path or a focus for reading (readingLayouts.ts) run here too: on the main thread, the copy
 * of a few nodes they are laid out on, its stylesheet's defaults parsed anew, and the layout's cold code took 35 to
 * 56 ms.
 */
import coseBase from 'cose-base';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { hubsOf, placeHubs } from './layoutHubs';
import { IDEAL_EDGE_LENGTH, unpackRequest, type LayoutRequest, type LayoutResponse } from './layoutProtocol';
import { repelWithoutGarbage } from './layoutRepulsion';
import { endPassesWhenSettled } from './layoutSettling';
import { readingLayoutOptions } from './readingLayouts';

cytoscape.use(fcose);
endPassesWhenSettled(coseBase.CoSELayout);
repelWithoutGarbage(coseBase.layoutBase);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const reply = (message: LayoutResponse) =>
    (self as unknown as Worker).postMessage(message, message.ok ? [message.places.buffer] : []);
  try {
    const { randomize, reading } = event.data;
    const { nodes, edges } = unpackRequest(event.data);
    // The force-directed layout leaves hubs' relations out, and puts the hubs in after (layoutHubs.ts).
    const hubs = reading ? new Set<string>() : hubsOf(edges);
    const springs = hubs.size === 0 ? edges : edges.filter((edge) => !hubs.has(edge.source) && !hubs.has(edge.target));
    const placed = nodes.filter((node) => node.x !== undefined && node.y !== undefined);
    const known = placed.length > 0 && !randomize;
    const centre = {
      x: placed.reduce((sum, node) => sum + (node.x ?? 0), 0) / Math.max(1, placed.length),
      y: placed.reduce((sum, node) => sum + (node.y ?? 0), 0) / Math.max(1, placed.length),
    };
    const cy = cytoscape({
      headless: true,
      // The elements where they are given: without a layout named, a headless instance puts every node at (0, 0).
      layout: { name: 'preset' },
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
      elements: [
        ...nodes.map((node) => ({
          group: 'nodes' as const,
          data: { id: node.id, width: node.width, height: node.height },
          // Unplaced nodes start near the centre of the placed ones, with a little spread so none coincide.
          position:
            node.x !== undefined && node.y !== undefined
              ? { x: node.x, y: node.y }
              : { x: centre.x + Math.random() * 200 - 100, y: centre.y + Math.random() * 200 - 100 },
        })),
        ...springs.map((edge, i) => ({
          group: 'edges' as const,
          data: { id: `e${i}`, source: edge.source, target: edge.target },
        })),
      ],
    });
    const layout = reading
      ? readingLayoutOptions(reading.kind, cy.getElementById(reading.root), nodes.length)
      : fcoseOptions(known);
    cy.layout(layout).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    cy.destroy();
    placeHubs(hubs, edges, positions);
    const places = new Float64Array(nodes.length * 2);
    nodes.forEach((node, i) => {
      places[2 * i] = Math.round(positions[node.id]!.x * 10) / 10;
      places[2 * i + 1] = Math.round(positions[node.id]!.y * 10) / 10;
    });
    reply({ ok: true, places, ms: performance.now() - started });
  } catch (error) {
    reply({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

/** The force-directed layout, from the known positions (`known`) or from random ones. */
function fcoseOptions(known: boolean): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    // Starting from known positions keeps the user's mental map; the incremental pass with fast cooling tidies it.
    // The slow-cooling 'proof' quality took 4 times as long (9.1 s against 2.3 s at 1,000 records under Node; 337 s
    // at 5,000): it was chosen when every node started at (0, 0) (see the preset layout above).
    randomize: !known,
    quality: 'default',
    animate: false,
    fit: false,
    // Lengths are between node boxes, which hold their labels where labels are drawn (see LayoutRequest): names
    // that do not overlap in the map do not overlap at any zoom.
    nodeSeparation: IDEAL_EDGE_LENGTH,
    idealEdgeLength: () => IDEAL_EDGE_LENGTH,
    nodeRepulsion: () => 9000,
    // A cap only for small graphs: cose-base raises it to five iterations a node (layout-base's
    // initSpringEmbedder), so above 500 nodes the layout runs until it settles (see layoutSettling.ts). Its cost is
    // the repulsion between records near each other, which hubs crowd (layoutHubs.ts): with the hubs' relations in,
    // the bench's 4,936 records took 617 iterations of 178 ms each under Node, 157 to 207 s in Chromium's worker.
    // Longer ideal edges to hubs were slower still (the repulsion reaches twice the mean ideal length), weaker springs
    // to them no faster, four times the repulsion over 7 minutes.
    numIter: 2500,
  } as cytoscape.LayoutOptions;
}

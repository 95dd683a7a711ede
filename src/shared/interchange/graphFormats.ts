/**
 * The graph for other tools: GraphML and GEXF (Gephi, Cytoscape desktop, yEd) and Cytoscape.js JSON. Every
 * label and attribute is escaped for XML, including characters XML 1.0 cannot hold at all (which are dropped).
 */
import type { NodeRecord } from '../domain';
import type { IndexedEdge } from '../graph/graphIndex';

/** Records and relations to write. */
export interface GraphExport {
  nodes: NodeRecord[];
  edges: IndexedEdge[];
}

/** Text escaped for an XML attribute or element; characters XML 1.0 forbids are removed. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function subtype(node: NodeRecord): string {
  if (node.kind === 'actor') return node.actorType;
  if (node.kind === 'statute') return node.statuteType;
  return '';
}

const NODE_KEYS = ['label', 'kind', 'subtype', 'status', 'regions', 'verifiedAt'] as const;

function nodeValues(node: NodeRecord): Record<(typeof NODE_KEYS)[number], string> {
  return {
    label: node.name,
    kind: node.kind,
    subtype: subtype(node),
    status: node.status,
    regions: 'regions' in node ? node.regions.join('|') : '',
    verifiedAt: node.verifiedAt ?? '',
  };
}

/** The graph as GraphML (directed; each relation's type as an edge attribute). */
export function toGraphml(graph: GraphExport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((key) => `  <key id="${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="note" for="edge" attr.name="note" attr.type="string"/>',
    '  <graph id="referral-atlas" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const [key, value] of Object.entries(nodeValues(node)))
      if (value) lines.push(`      <data key="${key}">${escapeXml(value)}</data>`);
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.from)}" target="${escapeXml(edge.to)}">`);
    lines.push(`      <data key="type">${escapeXml(edge.type)}</data>`);
    if (edge.note) lines.push(`      <data key="note">${escapeXml(edge.note)}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The graph as GEXF 1.3 (static, directed). */
export function toGexf(graph: GraphExport, generatedOn: string): string {
  const attributes = NODE_KEYS.filter((key) => key !== 'label');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${escapeXml(generatedOn)}"><creator>Referral Atlas</creator></meta>`,
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    ...attributes.map((key, i) => `      <attribute id="${i}" title="${key}" type="string"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const values = nodeValues(node);
    lines.push(`      <node id="${escapeXml(node.id)}" label="${escapeXml(node.name)}">`, '        <attvalues>');
    attributes.forEach((key, i) => {
      if (values[key]) lines.push(`          <attvalue for="${i}" value="${escapeXml(values[key])}"/>`);
    });
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.from)}" target="${escapeXml(edge.to)}" label="${escapeXml(edge.type)}"/>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** The graph as Cytoscape.js JSON (`cy.json()` elements form): loads with `cytoscape({ elements })`. */
export function toCytoscapeJson(graph: GraphExport): {
  format_version: string;
  generated_by: string;
  elements: { nodes: unknown[]; edges: unknown[] };
} {
  return {
    format_version: '1.0',
    generated_by: 'Referral Atlas',
    elements: {
      nodes: graph.nodes.map((node) => ({ data: { id: node.id, ...nodeValues(node) } })),
      edges: graph.edges.map((edge) => ({
        data: { id: edge.id, source: edge.from, target: edge.to, type: edge.type, note: edge.note },
      })),
    },
  };
}

/**
 * How the graph looks, as data: a shape per kind, a colour per kind and actor type, a line style per relation type.
 * The legend reads the same tables, so what is drawn and what is explained cannot drift apart.
 */
import type { StylesheetJson } from 'cytoscape';
import type { ActorType, EdgeType, NodeKind } from '../../../../shared/domain';

/** Cytoscape node shapes used per kind (also drawn in the legend as SVG). */
export const KIND_SHAPES: Record<NodeKind, 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'round-triangle'> = {
  actor: 'ellipse',
  service: 'round-rectangle',
  statute: 'diamond',
  recommendation: 'hexagon',
  need: 'round-triangle',
};

/** Fill colour per kind; actors take their actor type's colour instead. */
export const KIND_COLOURS: Record<NodeKind, string> = {
  actor: '#1f5f8b',
  service: '#2f8f83',
  statute: '#6d4c9f',
  recommendation: '#9a6a00',
  need: '#b24a3a',
};

/**
 * Fill colour per actor type: muted, distinguishable hues, each dark enough for a white ring and a dark label on
 * a white background to stay readable.
 */
export const ACTOR_COLOURS: Record<ActorType, string> = {
  agency: '#1f5f8b',
  ngo: '#3b7d3a',
  shelter: '#b0512b',
  legal_provider: '#6d4c9f',
  health_provider: '#c0306b',
  hotline: '#a36b00',
  law_enforcement: '#35495e',
  task_force: '#0f7c8c',
  international_body: '#5b6b2e',
  funder: '#8a5a44',
  company: '#6b7280',
  other: '#8c8c8c',
};

/** How a relation type is drawn. */
export interface EdgeLook {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: boolean;
}

/** Line style per relation type: the everyday ones solid, funding dotted, legal ties dashed. */
export const EDGE_LOOKS: Record<EdgeType, EdgeLook> = {
  offers: { colour: '#7d8b96', line: 'solid', arrow: true },
  meets: { colour: '#2f8f83', line: 'solid', arrow: true },
  partners_with: { colour: '#1f5f8b', line: 'solid', arrow: false },
  refers_to: { colour: '#b0512b', line: 'solid', arrow: true },
  funds: { colour: '#8a5a44', line: 'dotted', arrow: true },
  part_of: { colour: '#35495e', line: 'dashed', arrow: true },
  member_of: { colour: '#0f7c8c', line: 'dashed', arrow: true },
  chairs: { colour: '#0f7c8c', line: 'solid', arrow: true },
  established_by: { colour: '#6d4c9f', line: 'dashed', arrow: true },
  mandates: { colour: '#6d4c9f', line: 'solid', arrow: true },
  creates: { colour: '#6d4c9f', line: 'dotted', arrow: true },
  amends: { colour: '#6d4c9f', line: 'dashed', arrow: true },
  implements: { colour: '#9a6a00', line: 'solid', arrow: true },
  directed_at: { colour: '#9a6a00', line: 'dashed', arrow: true },
  addresses: { colour: '#b24a3a', line: 'dashed', arrow: true },
  cites: { colour: '#9a6a00', line: 'dotted', arrow: true },
  successor_of: { colour: '#6b7280', line: 'dashed', arrow: true },
  eligibility_under: { colour: '#6d4c9f', line: 'dotted', arrow: true },
};

/** Node diameters by degree, smallest first: a node with degree 0 gets the first, 40 or more the last. */
export const NODE_SIZES = [18, 22, 26, 30, 34, 38, 42, 46] as const;
const FULL_SIZE_DEGREE = 40;

/** Above this many elements a graph is drawn in its large style, with Cytoscape's viewport shortcuts on. */
export const PERFORMANCE_THRESHOLD = 1500;

/** In the large style, the zoom from which labels are drawn (11 px text is about 9 px on screen there). */
export const LABEL_ZOOM = 0.8;

/** In the large style, the class of nodes that carry their label (every node, from {@link LABEL_ZOOM} in). */
export const LABELLED = 'labelled';

/** The ring around every node: white, so neighbouring nodes stay apart. */
export const NODE_BORDER = { width: 2, colour: '#ffffff' } as const;

/** Edges: thin lines, slightly see-through. */
export const EDGE_LINE = { width: 1.4, opacity: 0.75 } as const;

/** Node sizes an overlay maps its values (0 to 1) to; the widest border (a path's ends); the widest edge. */
const OVERLAY_SIZES = { min: 16, max: 70 } as const;
const WIDEST_BORDER = 5;
const WIDEST_EDGE = 3.5;
/** Labels' widest line (they are cut with an ellipsis past it). */
export const LABEL_WIDTH = 150;

/**
 * How labels look, in graph units (pixels at zoom 1). Cytoscape's default font family is named so that the names
 * drawn beside Cytoscape (labelOverlay.ts) match its labels.
 */
export const LABEL_LOOK = {
  fontSize: 11,
  fontFamily: 'Helvetica Neue, Helvetica, sans-serif',
  colour: '#1d2327',
  band: '#ffffff',
  bandOpacity: 0.85,
  padding: 2,
  margin: 4,
} as const;

/**
 * The smallest label Cytoscape draws (its `min-zoomed-font-size`), for a pixel ratio. Cytoscape compares it with
 * the font size at the texture level of the zoom (2 to the power of log2(zoom × pixel ratio), rounded up), not at
 * the zoom: the 9 px this was let it draw the normal style's labels from zoom 0.5 on, 5.5 px on screen, and from
 * 0.25 on at a pixel ratio of 2, a smear. At one and a half times the font at the level of zoom 1 it draws them
 * from just above zoom 1 (above 1.33 at a ratio of 1.5), 11 px or more; labelOverlay.ts names records below that.
 * The large style draws labels only from LABEL_ZOOM, as its own classes say (zoomLabels.ts), and keeps 9.
 */
export function minLabelFont(large: boolean, pixelRatio: number): number {
  return large ? 9 : LABEL_LOOK.fontSize * 1.5 * textureScale(1, pixelRatio);
}

/** Cytoscape's scale for the textures it draws at a zoom (see {@link minLabelFont}). */
function textureScale(zoom: number, pixelRatio: number): number {
  return 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
}

/** Whether Cytoscape draws the normal style's labels at `zoom`, by its own test (see {@link minLabelFont}). */
export function labelsDrawnAt(zoom: number, pixelRatio: number): boolean {
  return LABEL_LOOK.fontSize * textureScale(zoom, pixelRatio) >= minLabelFont(false, pixelRatio);
}

/**
 * How far, in the large style, anything drawn for a node reaches from its centre (its body and border, a label
 * aside) and for an edge from its line, in the graph's units: for quick tests of what could be under the pointer or
 * in view, whose answers Cytoscape's own tests then settle. `label` is how far a node's label reaches besides.
 */
export const LARGE_STYLE_REACH = {
  node: Math.max(OVERLAY_SIZES.max, ...NODE_SIZES) / 2 + WIDEST_BORDER,
  edge: WIDEST_EDGE / 2,
  label: LABEL_WIDTH / 2 + 20,
} as const;

/** Cytoscape's dash patterns for the line styles (its defaults, which the stylesheet keeps). */
export const LINE_DASHES: Record<EdgeLook['line'], readonly number[]> = { solid: [], dashed: [6, 3], dotted: [1, 1] };

/** Index into {@link NODE_SIZES} for a node with this many relations. */
function sizeStep(degree: number): number {
  return Math.round((Math.min(Math.max(degree, 0), FULL_SIZE_DEGREE) / FULL_SIZE_DEGREE) * (NODE_SIZES.length - 1));
}

/**
 * How a node looks (shape, fill, diameter), as the classes of {@link nodeClasses} make Cytoscape draw it: for
 * drawings made without Cytoscape (the sketch shown while a large graph loads).
 */
export function nodeLook(
  kind: NodeKind,
  subtype: string | null,
  degree: number,
): { shape: (typeof KIND_SHAPES)[NodeKind]; colour: string; size: number } {
  const colour =
    kind === 'actor' && subtype && subtype in ACTOR_COLOURS ? ACTOR_COLOURS[subtype as ActorType] : KIND_COLOURS[kind];
  return { shape: KIND_SHAPES[kind], colour, size: NODE_SIZES[sizeStep(degree)]! };
}

/**
 * The classes that give a node its look: its kind (shape and default colour), its actor type (colour) and its size
 * step. Classes rather than data mappers (`data(colour)`, `mapData(degree, ...)`): Cytoscape re-evaluates a mapper
 * for every element on every restyle (and marks its bounds dirty), while a class is matched once per rule and its
 * style shared: measured on a thousand nodes, the first styling takes about half the time and a restyle that changes
 * nothing (every load ends with one) next to none.
 */
export function nodeClasses(kind: NodeKind, subtype: string | null, degree: number): string[] {
  const classes = [`kind-${kind}`, `size-${sizeStep(degree)}`];
  if (kind === 'actor' && subtype && subtype in ACTOR_COLOURS) classes.push(`actor-${subtype}`);
  return classes;
}

/** Whether a class is one of {@link nodeClasses}'s (and not a state class such as `faded`). */
export function isLookClass(name: string): boolean {
  return name.startsWith('kind-') || name.startsWith('size-') || name.startsWith('actor-');
}

const HIGHLIGHT = '#c2410c';

/** How node labels look: below the name, on a light band, cut with an ellipsis. */
const LABEL_STYLE = {
  label: 'data(label)',
  'font-size': LABEL_LOOK.fontSize,
  'font-family': LABEL_LOOK.fontFamily,
  color: LABEL_LOOK.colour,
  'text-valign': 'bottom',
  'text-margin-y': LABEL_LOOK.margin,
  'text-wrap': 'ellipsis',
  'text-max-width': `${LABEL_WIDTH}px`,
  'text-background-color': LABEL_LOOK.band,
  'text-background-opacity': LABEL_LOOK.bandOpacity,
  'text-background-padding': `${LABEL_LOOK.padding}px`,
  'text-background-shape': 'roundrectangle',
} as const;

/**
 * The Cytoscape stylesheet. Node shape, colour and size come from classes (see {@link nodeClasses}).
 * In the `large` style only nodes with the {@link LABELLED} class carry text (the view gives it to all of them once
 * zoomed in far enough to read labels), which spares measuring thousands of labels nobody could read; and edges are
 * straight "haystack" lines, which skip the bundling of parallel edges (arrows are unreadable at that scale anyway).
 */
export function graphStylesheet(
  { large, pixelRatio = 1 }: { large: boolean; pixelRatio?: number } = { large: false },
): StylesheetJson {
  // Every property a rule sets costs Cytoscape work per element when it first styles it (thousands of elements on
  // open), so a large graph leaves out what it would not draw: arrows (haystack edges have none) and, on nodes
  // without their label, every text property.
  const edgeRules: StylesheetJson = Object.entries(EDGE_LOOKS).map(([type, look]) => ({
    selector: `edge[type = "${type}"]`,
    style: large
      ? { 'line-color': look.colour, 'line-style': look.line }
      : {
          'line-color': look.colour,
          'target-arrow-color': look.colour,
          'line-style': look.line,
          'target-arrow-shape': look.arrow ? 'triangle' : 'none',
        },
  }));
  return [
    {
      selector: 'node',
      style: {
        width: NODE_SIZES[0],
        height: NODE_SIZES[0],
        'border-width': NODE_BORDER.width,
        'border-color': NODE_BORDER.colour,
      },
    },
    ...(Object.keys(KIND_SHAPES) as NodeKind[]).map((kind) => ({
      selector: `node.kind-${kind}`,
      style: { shape: KIND_SHAPES[kind], 'background-color': KIND_COLOURS[kind] },
    })),
    ...Object.entries(ACTOR_COLOURS).map(([type, colour]) => ({
      selector: `node.actor-${type}`,
      style: { 'background-color': colour },
    })),
    ...NODE_SIZES.map((size, step) => ({ selector: `node.size-${step}`, style: { width: size, height: size } })),
    {
      selector: large ? `node.${LABELLED}` : 'node',
      style: { ...LABEL_STYLE, 'min-zoomed-font-size': minLabelFont(large, pixelRatio) },
    },
    {
      selector: 'edge',
      style: large
        ? {
            width: EDGE_LINE.width,
            'curve-style': 'haystack',
            'haystack-radius': 0,
            opacity: EDGE_LINE.opacity,
            'line-color': '#9aa5ad',
          }
        : {
            width: EDGE_LINE.width,
            'curve-style': 'bezier',
            'arrow-scale': 0.8,
            opacity: EDGE_LINE.opacity,
            'line-color': '#9aa5ad',
            'target-arrow-color': '#9aa5ad',
          },
    },
    ...edgeRules,
    { selector: 'node[overlayColour]', style: { 'background-color': 'data(overlayColour)' } },
    {
      selector: 'node[overlaySize]',
      style: {
        width: `mapData(overlaySize, 0, 1, ${OVERLAY_SIZES.min}, ${OVERLAY_SIZES.max})`,
        height: `mapData(overlaySize, 0, 1, ${OVERLAY_SIZES.min}, ${OVERLAY_SIZES.max})`,
      },
    },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.emphasised', style: { 'font-weight': 'bold', 'font-size': 12, 'z-index': 10 } },
    {
      selector: '.highlighted',
      style: { 'border-color': HIGHLIGHT, 'border-width': 4, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT },
    },
    { selector: 'edge.highlighted', style: { width: WIDEST_EDGE, opacity: 1, 'z-index': 9 } },
    {
      selector: 'node:selected',
      style: {
        'border-color': '#111111',
        'border-width': 4,
        'overlay-opacity': 0,
        'z-index': 20,
        'font-weight': 'bold',
      },
    },
    { selector: 'edge:selected', style: { width: 3, opacity: 1 } },
    { selector: 'node.path-end', style: { 'border-color': HIGHLIGHT, 'border-width': WIDEST_BORDER } },
  ];
}

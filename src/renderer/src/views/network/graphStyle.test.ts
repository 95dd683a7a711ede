import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES, NODE_KINDS } from '../../../../shared/domain';
import {
  ACTOR_COLOURS,
  KIND_COLOURS,
  KIND_SHAPES,
  NODE_SIZES,
  graphStylesheet,
  LABEL_LOOK,
  LABELLED,
  labelsDrawnAt,
  LARGE_STYLE_REACH,
  isLookClass,
  nodeClasses,
  nodeLook,
} from './graphStyle';

/** The style a stylesheet gives to the rule with exactly this selector. */
function ruleFor(selector: string, sheet = graphStylesheet({ large: false })) {
  return sheet.find((rule) => 'selector' in rule && rule.selector === selector)?.style as Record<string, unknown>;
}

describe('nodeClasses', () => {
  it('gives an actor its kind, its actor type and a size step from its degree', () => {
    expect(nodeClasses('actor', 'shelter', 0)).toEqual(['kind-actor', 'size-0', 'actor-shelter']);
    expect(nodeClasses('actor', 'ngo', 20)).toContain('size-4');
    expect(nodeClasses('actor', 'ngo', 40)).toContain(`size-${NODE_SIZES.length - 1}`);
    // Above the full-size degree the node stops growing.
    expect(nodeClasses('actor', 'ngo', 400)).toContain(`size-${NODE_SIZES.length - 1}`);
  });

  it('leaves out an actor type the palette does not know, and gives other kinds no actor class', () => {
    expect(nodeClasses('actor', 'unheard_of', 3)).toEqual(['kind-actor', 'size-1']);
    expect(nodeClasses('service', null, 3)).toEqual(['kind-service', 'size-1']);
  });

  it('marks its own classes as look classes and nothing else', () => {
    for (const name of nodeClasses('actor', 'hotline', 12)) expect(isLookClass(name)).toBe(true);
    for (const name of ['faded', 'emphasised', 'highlighted', 'path-end']) expect(isLookClass(name)).toBe(false);
  });
});

describe('nodeLook', () => {
  /** The style the stylesheet's rules give a node with these classes, later rules winning as in Cytoscape. */
  function styled(classes: string[]): Record<string, unknown> {
    const sheet = graphStylesheet({ large: true });
    const style: Record<string, unknown> = {};
    for (const rule of sheet) {
      if (!('selector' in rule)) continue;
      const match = /^node(?:\.(.+))?$/.exec(rule.selector);
      if (match && (!match[1] || classes.includes(match[1]))) Object.assign(style, rule.style);
    }
    return style;
  }

  it('is what the stylesheet draws for the same node: shape, colour and size (the sketch relies on it)', () => {
    for (const kind of NODE_KINDS) {
      for (const subtype of kind === 'actor' ? [...ACTOR_TYPES, 'unheard_of', null] : [null]) {
        for (const degree of [0, 3, 17, 40, 400]) {
          const look = nodeLook(kind, subtype, degree);
          const style = styled(nodeClasses(kind, subtype, degree));
          expect({ shape: style.shape, colour: style['background-color'], size: style.width }).toEqual({
            shape: look.shape,
            colour: look.colour,
            size: look.size,
          });
        }
      }
    }
  });
});

describe('graphStylesheet', () => {
  it("states how far the large style draws anything from a node's centre and an edge's line", () => {
    const numbers = (property: string, selector: RegExp) =>
      graphStylesheet({ large: true })
        .filter((rule) => 'selector' in rule && selector.test(rule.selector))
        .map((rule) => (rule.style as Record<string, unknown>)[property])
        .filter((value) => value !== undefined)
        .map((value) => (typeof value === 'number' ? value : Number(/([\d.]+)\)?(?:px)?$/.exec(String(value))?.[1])));
    const nodeSizes = [...numbers('width', /^node/), ...numbers('height', /^node/)];
    const borders = numbers('border-width', /^(node|\.)/);
    expect(nodeSizes.every(Number.isFinite) && borders.every(Number.isFinite)).toBe(true);
    expect(LARGE_STYLE_REACH.node).toBeGreaterThanOrEqual(Math.max(...nodeSizes) / 2 + Math.max(...borders));
    const edgeWidths = numbers('width', /^(edge|\.)/);
    expect(LARGE_STYLE_REACH.edge).toBeGreaterThanOrEqual(Math.max(...edgeWidths) / 2);
    const labelWidth = numbers('text-max-width', /^node/);
    expect(LARGE_STYLE_REACH.label).toBeGreaterThanOrEqual(Math.max(...labelWidth) / 2);
    // The large style draws no arrows, and its labels take no pointer events (Cytoscape's default).
    const properties = graphStylesheet({ large: true }).flatMap((rule) => Object.keys(rule.style as object));
    expect(properties.filter((name) => name.endsWith('arrow-shape') || name === 'text-events')).toEqual([]);
  });

  it('labels every node in the normal style, and in the large style only nodes given the labelled class', () => {
    const labelRules = (large: boolean) =>
      graphStylesheet({ large })
        .filter((rule) => 'selector' in rule && 'label' in (rule.style as Record<string, unknown>))
        .map((rule) => ('selector' in rule ? rule.selector : ''));
    expect(labelRules(false)).toEqual(['node']);
    expect(labelRules(true)).toEqual([`node.${LABELLED}`]);
  });

  it("draws the normal style's labels only where they are at least their own size on screen", () => {
    // Cytoscape draws a label when its font at the texture level of the zoom (a power of two) reaches the minimum.
    for (const [ratio, from] of [
      [1, 1],
      [2, 1],
      [1.5, 4 / 3],
      [1.25, 1.6],
    ] as const) {
      expect(labelsDrawnAt(from * 0.999, ratio)).toBe(false);
      expect(labelsDrawnAt(from * 1.001, ratio)).toBe(true);
      expect(labelsDrawnAt(0.5, ratio)).toBe(false);
      expect(labelsDrawnAt(4, ratio)).toBe(true);
    }
    for (let zoom = 0.05; zoom < 4; zoom += 0.01) {
      if (labelsDrawnAt(zoom, 1)) expect(LABEL_LOOK.fontSize * zoom).toBeGreaterThanOrEqual(LABEL_LOOK.fontSize);
    }
    const minimum = (large: boolean, pixelRatio: number) =>
      graphStylesheet({ large, pixelRatio })
        .map((rule) => (rule.style as Record<string, unknown>)['min-zoomed-font-size'])
        .filter((value) => value !== undefined);
    expect(minimum(false, 1)).toEqual([16.5]);
    expect(minimum(false, 2)).toEqual([33]);
    // The large style's labels come and go with their class (zoomLabels.ts).
    expect(minimum(true, 1)).toEqual([9]);
  });

  it('has a rule for every class nodeClasses can give, with the shape, colour and size of the tables', () => {
    for (const kind of NODE_KINDS) {
      expect(ruleFor(`node.kind-${kind}`)).toEqual({
        shape: KIND_SHAPES[kind],
        'background-color': KIND_COLOURS[kind],
      });
    }
    for (const type of ACTOR_TYPES) {
      expect(ruleFor(`node.actor-${type}`)).toEqual({ 'background-color': ACTOR_COLOURS[type] });
    }
    NODE_SIZES.forEach((size, step) => expect(ruleFor(`node.size-${step}`)).toEqual({ width: size, height: size }));
  });

  it('maps no node property from element data except labels and overlays (mappers are re-run on every restyle)', () => {
    for (const large of [false, true]) {
      const mapped = graphStylesheet({ large })
        .filter((rule) => 'selector' in rule && !rule.selector.includes('overlay'))
        .flatMap((rule) => Object.entries(rule.style as Record<string, unknown>))
        .filter(([property]) => property !== 'label')
        .map(([, value]) => value)
        .filter((value) => typeof value === 'string' && /^(data|mapData)\(/.test(value));
      expect(mapped).toEqual([]);
    }
  });
});

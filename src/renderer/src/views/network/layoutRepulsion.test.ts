import coseBase from 'cose-base';
import { describe, expect, it } from 'vitest';
import { repelWithoutGarbage, type RepulsedNode } from './layoutRepulsion';

type Rectangle = ReturnType<RepulsedNode['getRect']>;
const { RectangleD } = coseBase.layoutBase as unknown as {
  RectangleD: new (x: number, y: number, width: number, height: number) => Rectangle;
};
const proto = coseBase.layoutBase.FDLayout.prototype;
const layoutBaseRepulsion = proto.calcRepulsionForce;

/** A node of layout-base as the repulsion reads it: a box, how many nodes it stands for, its repulsion. */
function node(x: number, y: number, width: number, height: number, noOfChildren = 1): RepulsedNode {
  const rect = new RectangleD(x, y, width, height);
  return {
    getRect: () => rect,
    getChild: () => null,
    noOfChildren,
    nodeRepulsion: 9000,
    repulsionForceX: 0,
    repulsionForceY: 0,
  };
}

/** A fixed pseudo-random sequence, so that every run tries the same pairs. */
function sequence(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** Pairs of boxes: apart, overlapping, one inside the other, side by side on a line, on the same centre. */
function pairs(): [RepulsedNode, RepulsedNode][] {
  const random = sequence(7);
  const made: [RepulsedNode, RepulsedNode][] = [];
  for (let i = 0; i < 400; i++) {
    const spread = i % 2 === 0 ? 60 : 600;
    made.push([
      node(random() * spread, random() * spread, 10 + random() * 80, 10 + random() * 80, 1 + (i % 3)),
      node(random() * spread, random() * spread, 10 + random() * 80, 10 + random() * 80),
    ]);
  }
  made.push([node(0, 0, 40, 40), node(100, 0, 40, 40)]);
  made.push([node(0, 0, 40, 40), node(0, 100, 40, 40)]);
  made.push([node(0, 0, 40, 40), node(0, 0, 40, 40)]);
  made.push([node(0, 0, 100, 100), node(40, 40, 10, 10)]);
  return made;
}

/** The forces each pair's nodes get from `repulsion`, for layouts with and without uniform leaf sizes. */
function forces(repulsion: typeof layoutBaseRepulsion): number[] {
  const felt: number[] = [];
  for (const uniformLeafNodeSizes of [false, true]) {
    for (const [a, b] of pairs()) {
      repulsion.call({ ...proto, uniformLeafNodeSizes }, a, b);
      felt.push(a.repulsionForceX, a.repulsionForceY, b.repulsionForceX, b.repulsionForceY);
    }
  }
  return felt;
}

describe('the layout’s repulsion without garbage', () => {
  it('gives every pair of nodes exactly the forces layout-base gives it', () => {
    const expected = forces(layoutBaseRepulsion);
    repelWithoutGarbage(coseBase.layoutBase);
    expect(proto.calcRepulsionForce).not.toBe(layoutBaseRepulsion);
    const felt = forces(proto.calcRepulsionForce);
    // Overlapping, apart and on a line all met (a force of each sign, in each direction).
    expect(expected.some((force) => force > 0) && expected.some((force) => force < 0)).toBe(true);
    expect(felt).toHaveLength(expected.length);
    // Bit for bit, NaN included (toEqual treats NaN as equal to NaN; Object.is tells -0 from 0).
    felt.forEach((force, i) =>
      expect(Object.is(force, expected[i]), `force ${i}: ${force} against ${expected[i]}`).toBe(true),
    );
    // Patched once: a second call leaves the same function.
    const patched = proto.calcRepulsionForce;
    repelWithoutGarbage(coseBase.layoutBase);
    expect(proto.calcRepulsionForce).toBe(patched);
  });
});

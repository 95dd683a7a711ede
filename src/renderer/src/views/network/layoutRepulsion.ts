/**
 * fcose's repulsion between two nodes, without the garbage it makes.
 *
 * layout-base's `FDLayout.calcRepulsionForce`, which fcose's force-directed pass calls for every pair of nodes near
 * each other in every step, makes two arrays per pair for its scratch work. For the bench's re-layout at ~5,000
 * records that was 31 of the 33 GB the layout allocated (a sampling heap profile of its request under Node): in
 * Chromium, 668–681 young-generation collections in the layout worker over its 23–25 s, whose parallel work runs on
 * the same threads and cores as the window's own collections. During the re-layout, on two cores, a full collection's
 * final pause in the window took 43–60 ms of wall time for 15–25 ms of work (traces of the bench's steps).
 *
 * Here the same arithmetic runs on two scratch arrays kept for every call: 66–67 collections in the worker, the
 * layout 22.1–22.5 s, the same places to the bit (a scratch run of the request, seeded). Plain arrays of doubles:
 * Float64Arrays and their `fill` made the layout slower (26.1–27.1 s). They are set to NaN before each call, where
 * layout-base's fresh arrays held `undefined`: a slot a degenerate case would leave unwritten gives NaN either way.
 */

/** The rectangle of a node, as layout-base's `RectangleD` gives it. */
interface NodeRect {
  intersects(other: NodeRect): boolean;
  getCenterX(): number;
  getCenterY(): number;
}

/** The parts of layout-base's `LNode` the repulsion reads and writes. */
export interface RepulsedNode {
  getRect(): NodeRect;
  getChild(): unknown;
  noOfChildren: number;
  nodeRepulsion: number;
  repulsionForceX: number;
  repulsionForceY: number;
}

/** The parts of layout-base the repulsion uses (cose-base's `layoutBase`). */
export interface LayoutBase {
  FDLayout: {
    prototype: {
      calcRepulsionForce(nodeA: RepulsedNode, nodeB: RepulsedNode): void;
      uniformLeafNodeSizes?: boolean;
    };
  };
  IGeometry: {
    calcSeparationAmount(rectA: NodeRect, rectB: NodeRect, overlap: number[], separationBuffer: number): void;
    getIntersection(rectA: NodeRect, rectB: NodeRect, clipPoints: number[]): unknown;
  };
  FDLayoutConstants: { DEFAULT_EDGE_LENGTH: number; MIN_REPULSION_DIST: number };
  IMath: { sign(value: number): number };
}

const patched = new WeakSet<object>();

/** Makes layout-base's repulsion between two nodes use scratch arrays of its own (see above). Idempotent. */
export function repelWithoutGarbage(layoutBase: LayoutBase): void {
  const { FDLayout, IGeometry, FDLayoutConstants: constants, IMath } = layoutBase;
  const proto = FDLayout.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  // Arrays of doubles from the start (V8's packed doubles).
  const overlapAmount = [NaN, NaN];
  const clipPoints = [NaN, NaN, NaN, NaN];

  // layout-base's FDLayout.prototype.calcRepulsionForce (2.0.1), line for line but for the scratch arrays.
  proto.calcRepulsionForce = function (this: typeof proto, nodeA: RepulsedNode, nodeB: RepulsedNode): void {
    const rectA = nodeA.getRect();
    const rectB = nodeB.getRect();
    let repulsionForceX: number;
    let repulsionForceY: number;
    if (rectA.intersects(rectB)) {
      // The two nodes overlap: the separation they need in x and y.
      overlapAmount[0] = overlapAmount[1] = NaN;
      IGeometry.calcSeparationAmount(rectA, rectB, overlapAmount, constants.DEFAULT_EDGE_LENGTH / 2.0);
      repulsionForceX = 2 * overlapAmount[0]!;
      repulsionForceY = 2 * overlapAmount[1]!;
      const childrenConstant = (nodeA.noOfChildren * nodeB.noOfChildren) / (nodeA.noOfChildren + nodeB.noOfChildren);
      nodeA.repulsionForceX -= childrenConstant * repulsionForceX;
      nodeA.repulsionForceY -= childrenConstant * repulsionForceY;
      nodeB.repulsionForceX += childrenConstant * repulsionForceX;
      nodeB.repulsionForceY += childrenConstant * repulsionForceY;
      return;
    }
    let distanceX: number;
    let distanceY: number;
    // `==`, as layout-base compares: a node without a child graph has `child` null or undefined.
    if (this.uniformLeafNodeSizes && nodeA.getChild() == null && nodeB.getChild() == null) {
      distanceX = rectB.getCenterX() - rectA.getCenterX();
      distanceY = rectB.getCenterY() - rectA.getCenterY();
    } else {
      clipPoints[0] = clipPoints[1] = clipPoints[2] = clipPoints[3] = NaN;
      IGeometry.getIntersection(rectA, rectB, clipPoints);
      distanceX = clipPoints[2]! - clipPoints[0]!;
      distanceY = clipPoints[3]! - clipPoints[1]!;
    }
    if (Math.abs(distanceX) < constants.MIN_REPULSION_DIST) {
      distanceX = IMath.sign(distanceX) * constants.MIN_REPULSION_DIST;
    }
    if (Math.abs(distanceY) < constants.MIN_REPULSION_DIST) {
      distanceY = IMath.sign(distanceY) * constants.MIN_REPULSION_DIST;
    }
    const distanceSquared = distanceX * distanceX + distanceY * distanceY;
    const distance = Math.sqrt(distanceSquared);
    const repulsionForce =
      ((nodeA.nodeRepulsion / 2 + nodeB.nodeRepulsion / 2) * nodeA.noOfChildren * nodeB.noOfChildren) / distanceSquared;
    repulsionForceX = (repulsionForce * distanceX) / distance;
    repulsionForceY = (repulsionForce * distanceY) / distance;
    nodeA.repulsionForceX -= repulsionForceX;
    nodeA.repulsionForceY -= repulsionForceY;
    nodeB.repulsionForceX += repulsionForceX;
    nodeB.repulsionForceY += repulsionForceY;
  };
}

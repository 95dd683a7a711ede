/**
 * Which records are named when the graph is zoomed out too far for Cytoscape's own labels (labelOverlay.ts draws
 * them). Geometry only, in screen pixels without the pan (which moves every box alike): no Cytoscape here.
 *
 * The labels keep one size on screen, so zooming out brings records closer than their names are wide: only labels
 * that overlap no label already taken are drawn, in order of priority (the selected record's, then showcased ones,
 * then by number of relations, the hubs first). A label's band is nearly opaque: it may cover a lesser record (seen
 * once zoomed in), never a greater one, so the hubs of a crowded centre keep their names.
 */
import { LABEL_LOOK, LABEL_WIDTH } from './graphStyle';

/** The overlay's labels in screen pixels: Cytoscape's at zoom 1; past the widest, a name ends in an ellipsis. */
export const OVERLAY_LABEL = {
  font: LABEL_LOOK.fontSize,
  margin: LABEL_LOOK.margin,
  padding: LABEL_LOOK.padding,
  maxWidth: LABEL_WIDTH,
} as const;

/** The height of a line of text, as a share of its font size. */
const LINE_HEIGHT = 1.2;

/** Space kept between two labels, in pixels. */
const LABEL_GAP = 2;

/** Grid cells for finding what a box may overlap, in pixels. */
const CELL = 96;

/** A record that may be named. */
export interface LabelCandidate {
  id: string;
  /** The record's centre and half its height with its border, in graph units. */
  x: number;
  y: number;
  halfHeight: number;
  /** The label's width on screen, before the ellipsis cuts it at OVERLAY_LABEL.maxWidth. */
  textWidth: number;
  /** Higher first. Ties go to the shorter label, then to the id, so a graph is named the same way each time. */
  priority: number;
  /** Named whether or not it overlaps another (the selected record). */
  always?: boolean;
}

export interface ScreenBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The view's left and right edges, in the same pixels as the boxes (screen pixels without the pan). */
export interface ViewSpan {
  x1: number;
  x2: number;
}

/**
 * A label's band on screen at `zoom`: centred below its record. Given the `view`, the band of a record in view is
 * moved sideways to lie inside it: a record at the edge of a fitted graph had half its name cut off by the canvas's
 * edge. It still lies under its record, as the record's centre is in view and the band is no wider than the view.
 */
export function labelBox(candidate: LabelCandidate, zoom: number, view?: ViewSpan): ScreenBox {
  const width = Math.min(candidate.textWidth, OVERLAY_LABEL.maxWidth) + 2 * OVERLAY_LABEL.padding;
  const height = OVERLAY_LABEL.font * LINE_HEIGHT + 2 * OVERLAY_LABEL.padding;
  const top = (candidate.y + candidate.halfHeight) * zoom + OVERLAY_LABEL.margin;
  const centre = candidate.x * zoom;
  let left = centre - width / 2;
  if (view && centre >= view.x1 && centre <= view.x2 && width <= view.x2 - view.x1) {
    left = Math.min(Math.max(left, view.x1), view.x2 - width);
  }
  return { x1: left, y1: top, x2: left + width, y2: top + height };
}

/** A record's own outline on screen at `zoom`, as a square. */
export function nodeBox(candidate: LabelCandidate, zoom: number): ScreenBox {
  const half = candidate.halfHeight * zoom;
  const x = candidate.x * zoom;
  const y = candidate.y * zoom;
  return { x1: x - half, y1: y - half, x2: x + half, y2: y + half };
}

/**
 * The ids of the candidates named at `zoom`: in order of priority, each whose label overlaps neither a label
 * already taken nor a record that came before it (with LABEL_GAP between them), and every `always` candidate; at
 * most `limit` of them. Labels are placed as {@link labelBox} puts them in `view`.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  zoom: number,
  limit = Infinity,
  view?: ViewSpan,
): Set<string> {
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(!!b.always) - Number(!!a.always) ||
      b.priority - a.priority ||
      a.textWidth - b.textWidth ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  /** What is on screen so far, by grid cell: labels taken, and the outlines of records placed before (whose). */
  const cells = new Map<string, { box: ScreenBox; owner: string | null }[]>();
  const cellsOf = (box: ScreenBox): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(box.x1 / CELL); cx <= Math.floor(box.x2 / CELL); cx++) {
      for (let cy = Math.floor(box.y1 / CELL); cy <= Math.floor(box.y2 / CELL); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  const take = (box: ScreenBox, owner: string | null, keys = cellsOf(box)) => {
    for (const key of keys) {
      const inCell = cells.get(key);
      if (inCell) inCell.push({ box, owner });
      else cells.set(key, [{ box, owner }]);
    }
  };
  const overlaps = (a: ScreenBox, b: ScreenBox) =>
    a.x1 < b.x2 + LABEL_GAP && b.x1 < a.x2 + LABEL_GAP && a.y1 < b.y2 + LABEL_GAP && b.y1 < a.y2 + LABEL_GAP;
  const placed = new Set<string>();
  for (const candidate of ordered) {
    if (placed.size >= limit) break;
    const box = labelBox(candidate, zoom, view);
    const keys = cellsOf(box);
    const blocked = keys.some((key) =>
      cells.get(key)?.some((other) => other.owner !== candidate.id && overlaps(box, other.box)),
    );
    if (!blocked || candidate.always) {
      take(box, null, keys);
      placed.add(candidate.id);
    }
    take(nodeBox(candidate, zoom), candidate.id);
  }
  return placed;
}

import { describe, expect, it } from 'vitest';
import { labelBox, nodeBox, OVERLAY_LABEL, placeLabels, type LabelCandidate, type ScreenBox } from './labelPlacement';

/** A record at (x, y) with a label 100 pixels wide. */
function record(id: string, x: number, y: number, priority = 0, extra: Partial<LabelCandidate> = {}): LabelCandidate {
  return { id, x, y, halfHeight: 10, textWidth: 100, priority, ...extra };
}

function overlap(a: ScreenBox, b: ScreenBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

describe('labelBox', () => {
  it('puts the label below its record, centred, at one size on screen whatever the zoom', () => {
    const half = labelBox(record('a', 100, 200), 0.5);
    expect((half.x1 + half.x2) / 2).toBeCloseTo(50);
    // Below the record's bottom edge (y + halfHeight, at zoom 0.5).
    expect(half.y1).toBeGreaterThan((200 + 10) * 0.5);
    const tenth = labelBox(record('a', 100, 200), 0.1);
    expect(tenth.x2 - tenth.x1).toBeCloseTo(half.x2 - half.x1);
    expect(tenth.y2 - tenth.y1).toBeCloseTo(half.y2 - half.y1);
  });

  it('keeps the label of a record in view inside the view, under its record; others stay centred', () => {
    const view = { x1: -200, x2: 300 };
    const centred = labelBox(record('a', 150, 0), 1);
    const width = centred.x2 - centred.x1;
    // At the left edge: moved right to start at the edge, still under the record.
    const left = labelBox(record('a', -190, 0), 1, view);
    expect(left.x1).toBe(-200);
    expect(left.x2 - left.x1).toBeCloseTo(width);
    expect(left.x2).toBeGreaterThan(-190);
    // At the right edge: moved left to end at it.
    const right = labelBox(record('a', 295, 0), 1, view);
    expect(right.x2).toBe(300);
    expect(right.x1).toBeLessThan(295);
    // In the middle, or with its record out of view (its label goes with it as the view pans): centred.
    expect(labelBox(record('a', 150, 0), 1, view)).toEqual(centred);
    const outside = labelBox(record('a', 320, 0), 1, view);
    expect((outside.x1 + outside.x2) / 2).toBeCloseTo(320);
  });

  it('cuts a long label at the widest band, as its ellipsis does', () => {
    const long = labelBox(record('a', 0, 0, 0, { textWidth: 900 }), 1);
    const widest = labelBox(record('a', 0, 0, 0, { textWidth: OVERLAY_LABEL.maxWidth }), 1);
    expect(long.x2 - long.x1).toBeCloseTo(widest.x2 - widest.x1);
  });
});

describe('placeLabels', () => {
  it('names every record whose label overlaps nothing', () => {
    const far = [record('a', 0, 0), record('b', 1000, 0), record('c', 0, 1000)];
    expect([...placeLabels(far, 0.5)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives a crowded place to the record with more relations, and both names once zoomed in', () => {
    const close = [record('small', 0, 0, 2), record('hub', 300, 5, 9)];
    expect([...placeLabels(close, 0.3)]).toEqual(['hub']);
    expect([...placeLabels(close, 0.8)].sort()).toEqual(['hub', 'small']);
  });

  it('places the labels where they are drawn in the view: one moved in from the edge can crowd out the next', () => {
    // Centred, the two labels are apart; moved inside the view, the edge record's reaches the other's.
    const edge = record('edge', 5, 0, 2);
    const next = record('next', 125, 0, 1);
    expect(overlap(labelBox(edge, 1), labelBox(next, 1))).toBe(false);
    expect([...placeLabels([edge, next], 1)].sort()).toEqual(['edge', 'next']);
    expect([...placeLabels([edge, next], 1, Infinity, { x1: 0, x2: 800 })]).toEqual(['edge']);
  });

  it('lets a label cover a lesser record, never a greater one', () => {
    // The small record sits right under the hub, where the hub's label goes; the other way round, the hub is named.
    expect([...placeLabels([record('hub', 0, 0, 9), record('below', 0, 30, 0)], 0.5)]).toEqual(['hub']);
    expect([...placeLabels([record('small', 0, 0, 0), record('hub below', 0, 30, 9)], 0.5)]).toEqual(['hub below']);
  });

  it('names the selected record even where its label overlaps, and first', () => {
    const close = [record('hub', 0, 0, 9), record('chosen', 30, 5, 0, { always: true })];
    expect([...placeLabels(close, 0.5)]).toEqual(['chosen']);
  });

  it('never draws two labels over each other, nor one over a greater record, on a crowded graph', () => {
    // A grid of 400 records, 40 units apart, at a zoom where their labels would overlap many times over.
    const crowd = Array.from({ length: 400 }, (_, i) => record(`r${i}`, (i % 20) * 40, Math.floor(i / 20) * 40, i % 7));
    const zoom = 0.3;
    const ids = placeLabels(crowd, zoom);
    const placed = crowd.filter((candidate) => ids.has(candidate.id));
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(crowd.length);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlap(labelBox(a, zoom), labelBox(b, zoom))).toBe(false);
    }
    for (const taken of placed) {
      const greater = crowd.filter((other) => other.priority > taken.priority);
      expect(greater.some((other) => overlap(labelBox(taken, zoom), nodeBox(other, zoom)))).toBe(false);
    }
    // Every record left out would have overlapped a label taken or a record placed before it (none lesser).
    for (const left of crowd.filter((candidate) => !ids.has(candidate.id))) {
      const box = labelBox(left, zoom);
      const blocked =
        placed.some((taken) => overlap(box, labelBox(taken, zoom))) ||
        crowd.some((other) => other !== left && other.priority >= left.priority && overlap(box, nodeBox(other, zoom)));
      expect(blocked).toBe(true);
    }
  });

  it('breaks ties by the shorter label, then by id, so the same graph is named the same way', () => {
    const tied = [record('b', 0, 0, 1), record('a', 10, 0, 1), record('c', 20, 0, 1, { textWidth: 40 })];
    expect([...placeLabels(tied, 0.5)]).toEqual(['c']);
    expect([...placeLabels(tied.slice(0, 2), 0.5)]).toEqual(['a']);
  });

  it('names at most `limit` records, the greatest', () => {
    const far = Array.from({ length: 10 }, (_, i) => record(`r${i}`, i * 1000, 0, i));
    expect([...placeLabels(far, 1, 3)].sort()).toEqual(['r7', 'r8', 'r9']);
  });
});

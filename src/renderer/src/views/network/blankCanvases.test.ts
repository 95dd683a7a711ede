import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { leaveBlankCanvasesAlone } from './blankCanvases';

const [SELECT_BOX, DRAG, NODE] = [0, 1, 2];

/**
 * A renderer as Cytoscape's draws its three canvases (its `render` and `drawSelectionRectangle`, reduced to which
 * canvases they draw): each drawing of the two upper canvases is logged.
 */
function fakeRenderer() {
  const drawn: string[] = [];
  const needDraw = [false, false, false];
  const renderer = {
    SELECT_BOX,
    DRAG,
    NODE,
    canvasWidth: 700,
    canvasHeight: 700,
    textureOnViewport: true,
    hoverData: { dragging: false, selecting: false },
    touchData: { selecting: false },
    selection: [0, 0, 0, 0, 0],
    cachedZSortedEles: { drag: [] as unknown[] } as { drag: unknown[] } | null,
    data: {
      canvasNeedsRedraw: needDraw,
      bgActivePosistion: undefined as unknown,
      canvases: [SELECT_BOX, DRAG, NODE].map(() => ({ style: { visibility: '' } })),
    },
    matchCanvasSize(this: { canvasWidth: number }, width: unknown) {
      if (typeof width === 'number') this.canvasWidth = width;
    },
    render(this: typeof renderer, options?: { forcedContext?: unknown }) {
      // A gesture's frame shows the snapshot and marks the drag canvas drawn without drawing it (Cytoscape's).
      if (this.hoverData.dragging) needDraw[DRAG] = false;
      if (needDraw[DRAG] || options?.forcedContext) {
        drawn.push(
          options?.forcedContext ? 'drag into the export' : `drag (${this.cachedZSortedEles?.drag.length ?? '?'})`,
        );
        if (!options?.forcedContext) needDraw[DRAG] = false;
      }
      this.drawSelectionRectangle(options, () => {});
    },
    drawSelectionRectangle(options?: { forcedContext?: unknown }, _setTransform?: unknown) {
      if (needDraw[SELECT_BOX] || options?.forcedContext) {
        drawn.push(options?.forcedContext ? 'selection into the export' : 'selection');
        if (!options?.forcedContext) needDraw[SELECT_BOX] = false;
      }
    },
  };
  /** A frame, after Cytoscape marked every canvas to be drawn (as a resize or a change does). */
  const frame = (options?: { forcedContext?: unknown }) => {
    needDraw.fill(true);
    renderer.render(options);
  };
  /** A record dragged for a frame, then let go (no frame drawn since). */
  const dragARecord = () => {
    renderer.cachedZSortedEles!.drag = ['record'];
    frame();
    renderer.cachedZSortedEles!.drag = [];
  };
  leaveBlankCanvasesAlone({ renderer: () => renderer } as unknown as Core);
  /** Which of the two upper canvases are shown (not `visibility: hidden`). */
  const shown = () =>
    [
      ['selection', SELECT_BOX],
      ['drag', DRAG],
    ].flatMap(([name, layer]) =>
      renderer.data.canvases[layer as number]!.style.visibility === 'hidden' ? [] : [name],
    );
  return { renderer, drawn, frame, dragARecord, shown };
}

describe("Cytoscape's drag and selection-box canvases", () => {
  it('are left alone while blank and with nothing to show, and drawn as soon as there is something', () => {
    const { renderer, drawn, frame, dragARecord } = fakeRenderer();
    frame();
    frame();
    expect(drawn).toEqual([]);
    // A record dragged: drawn on the drag canvas, and cleared once more when let go; then left alone.
    dragARecord();
    frame();
    frame();
    expect(drawn).toEqual(['drag (1)', 'drag (0)']);
    // The pressed background's shading, and its end.
    drawn.length = 0;
    renderer.data.bgActivePosistion = { x: 1, y: 1 };
    frame();
    renderer.data.bgActivePosistion = undefined;
    frame();
    frame();
    expect(drawn).toEqual(['selection', 'selection']);
  });

  it('are hidden while blank, and shown in the frame that draws on them', () => {
    const { renderer, frame, dragARecord, shown } = fakeRenderer();
    // Hidden from the start, and the graph's canvas is never touched.
    expect(shown()).toEqual([]);
    frame();
    expect(shown()).toEqual([]);
    expect(renderer.data.canvases[NODE]!.style.visibility).toBe('');
    // The record dragged shows on the drag canvas; the frame after it is let go clears the canvas and hides it.
    dragARecord();
    expect(shown()).toEqual(['drag']);
    frame();
    expect(shown()).toEqual([]);
    // The pressed background's shading shows on the selection box's canvas while it lasts.
    renderer.data.bgActivePosistion = { x: 1, y: 1 };
    frame();
    expect(shown()).toEqual(['selection']);
    renderer.data.bgActivePosistion = undefined;
    frame();
    expect(shown()).toEqual([]);
    // Sized anew, a canvas is blank, and hidden at once.
    dragARecord();
    renderer.matchCanvasSize(800);
    expect(shown()).toEqual([]);
  });

  it('are drawn while the order of drawing, and so what is dragged, is not known', () => {
    const { renderer, drawn, frame } = fakeRenderer();
    renderer.cachedZSortedEles = null;
    frame();
    expect(drawn).toEqual(['drag (?)']);
  });

  it('are cleared by the first frame after a gesture that left the drag canvas as it was', () => {
    const { renderer, drawn, frame, dragARecord } = fakeRenderer();
    dragARecord();
    // A pan starts before a frame clears the canvas: its frames show the snapshot, the drag canvas untouched.
    renderer.hoverData.dragging = true;
    frame();
    renderer.hoverData.dragging = false;
    frame();
    frame();
    expect(drawn).toEqual(['drag (1)', 'drag (0)']);
  });

  it('are blank again once sized anew, and drawn into an export as always', () => {
    const { renderer, drawn, frame, dragARecord } = fakeRenderer();
    dragARecord();
    renderer.matchCanvasSize(800);
    frame();
    frame({ forcedContext: {} });
    expect(drawn).toEqual(['drag (1)', 'drag into the export', 'selection into the export']);
  });
});

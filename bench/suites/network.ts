/// <reference lib="dom" />
/**
 * The network view in headless Chromium through the bridge, on synthetic networks of about 400 records (under the
 * large style's threshold of 1,500 elements, as the seed and sample network's 354 records and 920 relations are: what
 * a new user sees), 1,000 and 5,000 records:
 * time until the whole graph (nodes and edges) is first on screen with saved positions, which is the sketch drawn
 * while Cytoscape builds the graph (baseline: the same open with no saved positions, waiting for the worker's fcose
 * layout); time until Cytoscape has drawn it, which is when it answers to the mouse; the longest main-thread task
 * while opening, in wall time and (in traced opens) by its own CPU time; the page's main-thread CPU time for the
 * open (less at the mercy of other work on a shared machine than wall time); frames per second while the user
 * drags the canvas (baseline: the same drag with Cytoscape's viewport shortcuts off); and for each of the steps a user
 * takes next, the longest task the Long Tasks API reports, and over all of them the longest task in their traces,
 * which also counts tasks that API leaves out (a garbage collection V8 runs as a task of its own).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDispatcher } from '../../src/shared/api';
import { startBridge } from '../../src/main/bridge/loopbackBridge';
import { createHandlers } from '../../src/main/services/handlers';
import { PERFORMANCE_THRESHOLD } from '../../src/renderer/src/views/network/graphStyle';
import { launchChromium } from '../../tests/support/browser';
import { RENDERER_DIR } from '../../tests/support/runningApp';
import { waitUntilLaidOut, writeSavedMap } from '../../tests/support/savedMap';
import { openTempAtlas } from '../../tests/support/tempAtlas';
import { median, quantile, type BenchResult, type BenchSuite } from '../benchmark';

const OPENS = 3;
const PAN_MS = 3000;
/** How long after the paint long tasks are still collected (work the view does right after drawing counts too). */
const SETTLE_MS = 1000;
/** How long the idle graph is left before and while its CPU time is measured (see idleCpuPerSecond). */
const IDLE_AFTER_MS = 4000;
const IDLE_MS = 5000;

/** What a canvas held at the moment the view stamped its paint. */
type PaintCheck = { nodes: number; edges: number; inked: number };

declare global {
  interface Window {
    __atlasLongTasks?: number[];
    /** Every long task's start and duration (entries arrive late: a step's are told apart by their start). */
    __atlasLongTaskLog?: [start: number, duration: number][];
    __atlasCy?: Core;
    __atlasGraphPaintedAt?: number;
    __atlasPaintCheck?: PaintCheck;
    __atlasSketchPaintedAt?: number;
    __atlasSketchCheck?: PaintCheck;
    __atlasFrames?: number[];
    /** The record the bench renames, and its name before. */
    __atlasRenamed?: { id: string; name: string };
    /** The records grabbed since the bench started to drag one. */
    __atlasGrabbed?: string[];
    /** How many records the whole graph has, to know it is back after a filter or the hidden screen. */
    __atlasWholeCount?: number;
  }
}

/**
 * What the page logs once the graph is drawn and checked. The bench waits for this message rather than polling the
 * page: Playwright's polling evaluates its own script of several hundred kilobytes in the page, which landed in the
 * middle of the app's start (40 ms of the main thread's CPU in a trace) and is no part of opening the app.
 */
const DRAWN_MESSAGE = 'atlas-bench: graph drawn';

/**
 * Runs in every page before the app: collects long tasks, and checks a canvas when the view stamps a paint (the
 * stamps become setters), so a stamp set before the graph is really drawn shows. For Cytoscape's drawing the check
 * counts its elements at the stamp and, in the next task, the pixels that are not background on its node layer
 * (where it draws nodes and edges); for the sketch, what the sketch says it drew and then the pixels on its canvas. A string, not a function: the
 * bench runs under tsx, whose helpers would leak into the page's scope.
 */
const INSTRUMENT_PAGE = `(() => {
  window.__atlasLongTasks = [];
  window.__atlasLongTaskLog = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__atlasLongTasks.push(entry.duration);
      window.__atlasLongTaskLog.push([entry.startTime, entry.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
  const inked = (canvas) => {
    let count = 0;
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    }
    return count;
  };
  const stamp = (name, check) => {
    let value;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => value,
      set: (next) => {
        value = next;
        check();
      },
    });
  };
  // The counts are taken at the stamp; the pixels are read in a task of their own right after it, so reading them
  // back (which waits for the canvas to be rasterised) does not lengthen the app's task the bench is timing.
  stamp('__atlasGraphPaintedAt', () => {
    const cy = window.__atlasCy;
    const counts = { nodes: cy ? cy.nodes().length : 0, edges: cy ? cy.edges().length : 0 };
    setTimeout(() => {
      window.__atlasPaintCheck = {
        ...counts,
        // The shown instance's own canvas (a graph kept hidden has one too).
        inked: inked(cy && cy.container() ? cy.container().querySelector('canvas[data-id="layer2-node"]') : null),
      };
      console.debug(${JSON.stringify(DRAWN_MESSAGE)});
    }, 0);
  });
  stamp('__atlasSketchPaintedAt', () => {
    const sketch = document.querySelector('.canvas__sketch');
    const shown = sketch && !sketch.hidden;
    const counts = { nodes: shown ? Number(sketch.dataset.nodes) : 0, edges: shown ? Number(sketch.dataset.edges) : 0 };
    // Nothing draws on the sketch once it shows, and hiding it keeps its pixels.
    setTimeout(() => {
      window.__atlasSketchCheck = { ...counts, inked: inked(sketch) };
    }, 0);
  });
})()`;

/** One open of the view, in a new page (each open is a cold renderer process, as when the app starts). */
type Open = { paintMs: number; drawnMs: number; longestTaskMs: number; cpuMs: number; longestTask?: TracedTask };

/** A task on the page's main thread, from a Chrome trace: its wall time and its own CPU time (thread time). */
type TracedTask = { wallMs: number; cpuMs: number };

/**
 * The task of the page's main thread (the renderer main thread that worked most) with the most CPU time of its own.
 * A task's wall time also counts the time its thread waited for a CPU, which on a shared two-core machine (the
 * bridge's answers, Chromium's compile and raster threads and the bench itself compete with it) can be several
 * times its CPU time; its CPU time is the work the page gave the thread.
 */
function longestTracedTask(trace: { traceEvents: TraceEvent[] }): TracedTask {
  return longestTask(trace, (task) => task.tdur ?? 0);
}

/**
 * The task of the page's main thread that held it longest (wall time), from a Chrome trace: every task counts. The
 * Long Tasks API did not report a garbage collection that V8 ran as a task of its own (its memory reducer's, after
 * some seconds with little allocation), which holds input back all the same.
 */
function longestWallTask(trace: { traceEvents: TraceEvent[] }): TracedTask {
  return longestTask(trace, (task) => task.dur ?? 0);
}

/** The task of the page's main thread with the most of `measure`, in wall and CPU time. */
function longestTask(trace: { traceEvents: TraceEvent[] }, measure: (task: TraceEvent) => number): TracedTask {
  const longest = pageMainThreadTasks(trace).reduce<TraceEvent | null>(
    (max, task) => (!max || measure(task) > measure(max) ? task : max),
    null,
  );
  return { wallMs: (longest?.dur ?? 0) / 1000, cpuMs: (longest?.tdur ?? 0) / 1000 };
}

/** The top-level tasks of the page's main thread (the renderer main thread that worked most) in a Chrome trace. */
function pageMainThreadTasks(trace: { traceEvents: TraceEvent[] }): TraceEvent[] {
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.name !== 'RunTask' || !mainThreads.has(thread)) continue;
    const tasks = tasksByThread.get(thread);
    if (tasks) tasks.push(event);
    else tasksByThread.set(thread, [event]);
  }
  const cpuOf = (tasks: TraceEvent[]) => tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0);
  return [...tasksByThread.values()].sort((a, b) => cpuOf(b) - cpuOf(a))[0] ?? [];
}

type TraceEvent = { name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };

/** Throws unless a stamped canvas held the whole graph and was not blank. */
function checkWhole(what: string, drawn: PaintCheck, expected: { nodes: number; edges: number }): void {
  if (drawn.nodes !== expected.nodes || drawn.edges !== expected.edges || drawn.inked === 0) {
    throw new Error(`${what} was not whole when its paint was stamped: ${JSON.stringify({ drawn, expected })}`);
  }
}

/**
 * Opens the view in a new page and waits for the whole graph to be drawn by Cytoscape. The first paint is the
 * sketch's stamp when a sketch was shown (set once the frame that shows it has run), else Cytoscape's (set once the
 * frame that draws the last element has run); the bench checks that at each stamp the canvas held every record and
 * relation and was not blank, so no figure can come from a half-drawn graph.
 */
async function openGraph(
  context: BrowserContext,
  url: string,
  expected: { nodes: number; edges: number },
  waitForLayout: boolean,
  tracing?: Browser,
): Promise<{ page: Page; open: Open }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Only the top-level task events: the open runs as usual, each task timed in wall and thread time.
  await tracing?.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  const drawn = page.waitForEvent('console', {
    predicate: (message) => message.text() === DRAWN_MESSAGE,
    timeout: 120_000,
  });
  await page.goto(url);
  await drawn;
  let drawnMs = await page.evaluate(() => window.__atlasGraphPaintedAt!);
  checkWhole('The graph', await page.evaluate(() => window.__atlasPaintCheck!), expected);
  const sketchMs = await page.evaluate(() => window.__atlasSketchPaintedAt);
  if (sketchMs !== undefined) checkWhole('The sketch', await page.evaluate(() => window.__atlasSketchCheck!), expected);
  let paintMs = sketchMs ?? drawnMs;
  if (waitForLayout) {
    // Without saved positions the first paint is a placeholder grid; what counts is the laid-out graph.
    await page.waitForFunction(
      () => document.querySelector('.status-bar__task') === null && (window.__atlasCy?.nodes().length ?? 0) > 0,
      undefined,
      {
        timeout: 300_000,
        polling: 50,
      },
    );
    paintMs = drawnMs = await page.evaluate(() => performance.now());
  }
  await page.waitForTimeout(SETTLE_MS);
  const trace = tracing
    ? (JSON.parse((await tracing.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    : null;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window.__atlasLongTasks ?? [])));
  // ThreadTime: CPU seconds of the page's main thread since its process started (a new page, so this open).
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cpuMs = (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
  await cdp.detach();
  return {
    page,
    open: { paintMs, drawnMs, longestTaskMs, cpuMs, ...(trace && { longestTask: longestTracedTask(trace) }) },
  };
}

/**
 * What the user does next with the drawn graph, in order: the longest main-thread task (wall time) each step
 * caused, up to SETTLE_MS after it (and after any drawing it started is done).
 */
const INTERACTIONS: { name: string; act(page: Page): Promise<unknown>; shows?: boolean }[] = [
  { name: 'zoom in', act: (page) => page.getByRole('button', { name: 'Zoom in', exact: true }).click() },
  {
    name: 'select a record',
    // Returns nothing: Playwright would serialise what `emit` returns (the element, and through it the graph).
    act: (page) =>
      page.evaluate(() => {
        window.__atlasCy!.nodes()[100]!.emit('tap');
      }),
  },
  { name: 'focus on it, 2 hops', act: (page) => page.getByRole('button', { name: 'Focus: 2 hops' }).click() },
  { name: 'fit the view', act: (page) => page.getByRole('button', { name: 'Fit', exact: true }).click() },
  { name: 'show everything again', act: (page) => page.getByRole('button', { name: 'Show everything' }).click() },
  // With the mouse, as a user does: each move, press and release asks Cytoscape what is under the pointer.
  {
    name: 'move the mouse over the graph',
    act: async (page) => {
      const { x, y } = await canvasCentre(page);
      await page.mouse.move(x - 200, y - 120);
      await page.mouse.move(x + 200, y + 120, { steps: 20 });
    },
  },
  {
    name: 'click a record',
    act: async (page) => {
      const at = await page.evaluate(() => {
        const cy = window.__atlasCy!;
        const box = cy.container()!.getBoundingClientRect();
        const { x, y } = cy.nodes()[200]!.renderedPosition();
        return { x: box.x + x, y: box.y + y };
      });
      await page.mouse.click(at.x, at.y);
    },
  },
  {
    name: 'drag the view',
    act: async (page) => {
      const { x, y } = await emptySpotNearCentre(page);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 120, y + 60, { steps: 20 });
      await page.mouse.up();
    },
  },
  {
    // In the normal style a record pressed is lifted and moved (the large style's records pan the view instead).
    name: 'drag a record',
    act: async (page) => {
      // The record nearest the centre that the pointer can reach there (not under a panel or the legend).
      const at = await page.evaluate(() => {
        const cy = window.__atlasCy!;
        const box = cy.container()!.getBoundingClientRect();
        let best: { x: number; y: number; id: string; distance: number; pans: boolean } | null = null;
        for (const node of cy.nodes()) {
          const { x, y } = node.renderedPosition();
          const distance = Math.hypot(x - cy.width() / 2, y - cy.height() / 2);
          if (best && distance >= best.distance) continue;
          const hit = document.elementFromPoint(box.x + x, box.y + y);
          if (hit instanceof HTMLCanvasElement && cy.container()!.contains(hit)) {
            best = { x: box.x + x, y: box.y + y, id: node.id(), distance, pans: node.pannable() };
          }
        }
        if (!best) throw new Error('No record in view to drag.');
        window.__atlasGrabbed = [];
        cy.one('grab', 'node', (event) => window.__atlasGrabbed!.push(event.target.id() as string));
        return best;
      });
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await page.mouse.move(at.x + 80, at.y + 40, { steps: 20 });
      await page.mouse.up();
      const grabbed = await page.evaluate(() => window.__atlasGrabbed ?? []);
      // The large style's records are pannable: a drag on one pans the view, and grabs nothing.
      if (grabbed.length === 0 && !at.pans) throw new Error(`Dragging at record ${at.id} grabbed nothing.`);
    },
  },
  {
    name: 'zoom with the wheel',
    act: async (page) => {
      const { x, y } = await canvasCentre(page);
      await page.mouse.move(x, y);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -250);
    },
  },
  {
    // Far enough to read labels, and past the largest picture of the whole graph Cytoscape keeps.
    name: 'zoom in to read labels',
    act: (page) =>
      page.evaluate(() => {
        const cy = window.__atlasCy!;
        cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      }),
  },
  {
    name: 'drag the view, zoomed in',
    act: async (page) => {
      const { x, y } = await emptySpotNearCentre(page);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 150, y - 80, { steps: 20 });
      await page.mouse.up();
    },
  },
  { name: 'fit the view again', act: (page) => page.getByRole('button', { name: 'Fit', exact: true }).click() },
  {
    name: 'show a path between two records',
    act: async (page) => {
      const tap = (index: number) =>
        page.evaluate((at) => {
          window.__atlasCy!.nodes()[at]!.emit('tap');
        }, index);
      await tap(100);
      await page.getByRole('button', { name: 'Path from here…' }).click();
      await tap(300);
      await page.getByRole('button', { name: 'Show path to here' }).click();
    },
  },
  { name: 'end the path', act: (page) => page.getByRole('button', { name: 'Show everything' }).click() },
  { name: 'open the table view', act: (page) => page.getByRole('button', { name: 'Table', exact: true }).click() },
  { name: 'back to the graph', act: (page) => page.getByRole('button', { name: 'Graph', exact: true }).click() },
  // The sidebar and the header: each asks the app for something, or changes every label on screen.
  {
    name: 'type a name into the search box',
    act: async (page) => {
      const name = await page.evaluate(() => window.__atlasCy!.nodes()[300]!.data('label') as string);
      await page.getByRole('combobox', { name: 'Search records' }).pressSequentially(name.slice(0, 8), { delay: 60 });
      await page.locator('.sidebar__search').getByRole('option').first().waitFor();
    },
  },
  {
    name: 'open a search result',
    act: async (page) => {
      await page.locator('.sidebar__search').getByRole('option').first().click();
      await page.locator('.details:not([data-selected-id=""])').waitFor();
    },
  },
  // A filter's graph is drawn anew; clearing it shows the whole graph kept meanwhile (keptGraph.ts). Each act
  // resolves to the time until the graph is drawn.
  {
    name: 'filter by kind: services only',
    act: async (page) => {
      await page.evaluate(() => (window.__atlasWholeCount = window.__atlasCy!.nodes().length));
      await page.locator('summary', { hasText: 'Kind' }).click();
      return timeUntilDrawn(
        page,
        () => page.getByRole('checkbox', { name: 'Service', exact: true }).check(),
        () =>
          page.waitForFunction(
            () => {
              const nodes = window.__atlasCy?.nodes();
              return !!nodes && nodes.nonempty() && nodes.every((node) => node.data('kind') === 'service');
            },
            undefined,
            { polling: 10, timeout: 60_000 },
          ),
      );
    },
    shows: true,
  },
  {
    name: 'clear the filter',
    act: (page) =>
      timeUntilDrawn(
        page,
        () => page.getByRole('checkbox', { name: 'Service', exact: true }).uncheck(),
        () =>
          page.waitForFunction(() => window.__atlasCy?.nodes().length === window.__atlasWholeCount, undefined, {
            polling: 10,
            timeout: 60_000,
          }),
      ),
    shows: true,
  },
  {
    name: 'switch to Spanish',
    act: async (page) => {
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('tab', { name: 'Red' }).waitFor();
    },
  },
  {
    name: 'back to English',
    act: async (page) => {
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('tab', { name: 'Network' }).waitFor();
    },
  },
  {
    // Discreet mode: the whole window replaced by a neutral screen (the graph's instance goes with it).
    name: 'hide the screen: Esc twice',
    act: async (page) => {
      await page.locator('.canvas').focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByTestId('discreet-screen').waitFor();
    },
  },
  {
    name: 'come back from the hidden screen',
    act: async (page) => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByRole('button', { name: 'Return' }).click();
      await page.waitForFunction(() => window.__atlasCy?.nodes().length === window.__atlasWholeCount);
    },
  },
  {
    name: 'resize the window',
    act: async (page) => {
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.waitForTimeout(300);
      await page.setViewportSize({ width: 1360, height: 860 });
    },
  },
  // An edit, and its undoing: the graph changed in place (the act resolves to the time until it is drawn).
  { name: 'rename a record', act: (page) => renameRecord(page, 'Harbour Light Outreach'), shows: true },
  {
    name: 'undo the rename',
    act: async (page) => {
      await page.locator('.canvas').focus();
      const name = await page.evaluate(() => window.__atlasRenamed!.name);
      return timeUntilDrawn(
        page,
        () => page.keyboard.press('Control+z'),
        () => labelled(page, name),
      );
    },
    shows: true,
  },
  {
    name: 'export a PNG image',
    act: (page) => page.getByRole('button', { name: 'Export the graph as a PNG image' }).click(),
  },
  // Last: it moves every record (and saves where). Resolves to the time until the laid-out graph is drawn.
  { name: 'lay the graph out again', act: relayout, shows: true },
];

/**
 * Presses Re-layout and resolves to the time until fcose's positions are drawn and saved: the button is disabled
 * while the worker runs (React has rendered that by the time the click resolves) and enabled once it is all done.
 */
async function relayout(page: Page): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  const button = page.getByRole('button', { name: 'Re-layout', exact: true });
  await button.click();
  if (!(await button.isDisabled())) throw new Error('Re-layout did not start: its button is still enabled.');
  await waitUntilLaidOut(page, 600_000, 50);
  return (await page.evaluate(() => performance.now())) - start;
}

/** Selects a record, renames it through the form and resolves to the time from Save until the graph shows it. */
async function renameRecord(page: Page, name: string): Promise<number> {
  await page.evaluate(() => {
    const node = window.__atlasCy!.nodes()[100]!;
    window.__atlasRenamed = { id: node.id(), name: node.data('label') as string };
    node.emit('tap');
  });
  await page.locator('.details').getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  return timeUntilDrawn(
    page,
    () => page.getByRole('button', { name: 'Save changes' }).click(),
    () => labelled(page, name),
  );
}

/**
 * The time from `act` until `changed` resolves (it waits for the change in the graph), Cytoscape's batch is over and
 * the canvas is no longer marked busy (the pictures of the graph show the change).
 */
async function timeUntilDrawn(page: Page, act: () => Promise<void>, changed: () => Promise<unknown>): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await act();
  await changed();
  await page.waitForFunction(
    () => {
      // `batching` is Cytoscape's, missing from its typings.
      const batching = (window.__atlasCy as unknown as { batching(): boolean }).batching();
      const busy = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-busy') === 'true';
      return !batching && !busy;
    },
    undefined,
    { polling: 10, timeout: 60_000 },
  );
  return (await page.evaluate(() => performance.now())) - start;
}

/** Waits until the renamed record carries `name` in the graph. */
function labelled(page: Page, name: string): Promise<unknown> {
  return page.waitForFunction(
    (wanted) => window.__atlasCy!.getElementById(window.__atlasRenamed!.id).data('label') === wanted,
    name,
    { polling: 10, timeout: 60_000 },
  );
}

/**
 * The point nearest the canvas's centre (on a spiral of 10 px steps) where no record is: a drag started there moves
 * the view, where one started on a record in the normal style moves the record.
 */
async function emptySpotNearCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = window.__atlasCy!;
    const box = cy.container()!.getBoundingClientRect();
    // Cytoscape's own allowance around a node for the mouse is 2 px; a little more here.
    const margin = 6;
    const records = cy.nodes().map((node) => node.renderedBoundingBox({ includeLabels: false }));
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    for (let radius = 0; radius < Math.min(centre.x, centre.y); radius += 10) {
      for (let step = 0; step < Math.max(1, radius); step++) {
        const angle = (step / Math.max(1, radius)) * 2 * Math.PI;
        const x = centre.x + radius * Math.cos(angle);
        const y = centre.y + radius * Math.sin(angle);
        const free = records.every(
          (r) => x < r.x1 - margin || x > r.x2 + margin || y < r.y1 - margin || y > r.y2 + margin,
        );
        if (free) return { x: box.x + x, y: box.y + y };
      }
    }
    throw new Error('No spot without a record near the canvas centre to drag the view from.');
  });
}

async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.canvas').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A step's longest task by the Long Tasks API, by a trace of it, and the time until the graph showed it. */
type StepTasks = { name: string; longestTaskMs: number; traced: TracedTask; shownMs?: number };

/**
 * ATLAS_BENCH_TRACE_DIR keeps each step's trace there (one JSON file per step, numbered in the order taken, to open
 * in DevTools' Performance panel), traced with the collections and every thread of the page: what a long task held.
 */
const STEP_TRACE_DIR = process.env.ATLAS_BENCH_TRACE_DIR;
const STEP_TRACE_CATEGORIES = STEP_TRACE_DIR
  ? [
      ...['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel', 'blink.user_timing'],
      // V8's collections, and Blink's: its objects are marked with V8's, what is left in V8's final pause.
      ...['v8', 'v8.gc', 'cppgc', 'disabled-by-default-cppgc', 'blink_gc'],
    ]
  : ['disabled-by-default-devtools.timeline'];
let stepTraceCount = 0;

function keepStepTrace(step: string, traceText: string): void {
  if (!STEP_TRACE_DIR) return;
  mkdirSync(STEP_TRACE_DIR, { recursive: true });
  const file = `${String(++stepTraceCount).padStart(3, '0')}-${step.replace(/[^a-z0-9]+/gi, '-')}.json`;
  writeFileSync(join(STEP_TRACE_DIR, file), traceText);
}

/**
 * Takes the steps in order, each traced (only the tasks themselves: the page runs as usual) from just before it to
 * SETTLE_MS after it.
 */
async function interactionTasks(page: Page, tracing: Browser): Promise<StepTasks[]> {
  const measured: StepTasks[] = [];
  await page.waitForTimeout(SETTLE_MS);
  for (const { name, act, shows } of INTERACTIONS) {
    await tracing.startTracing(page, { categories: STEP_TRACE_CATEGORIES });
    const start = await page.evaluate(() => performance.now());
    const done = await act(page);
    const shownMs = shows && typeof done === 'number' ? done : undefined;
    await page.waitForFunction(
      () => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-busy') !== 'true',
    );
    await page.waitForTimeout(SETTLE_MS);
    const longestTaskMs = await page.evaluate(
      (since) => Math.max(0, ...(window.__atlasLongTaskLog ?? []).filter(([at]) => at >= since).map(([, ms]) => ms)),
      start,
    );
    const traceText = (await tracing.stopTracing()).toString();
    keepStepTrace(name, traceText);
    const trace = JSON.parse(traceText) as { traceEvents: TraceEvent[] };
    measured.push({
      name,
      longestTaskMs,
      traced: longestWallTask(trace),
      ...(shownMs === undefined ? {} : { shownMs }),
    });
  }
  return measured;
}

/**
 * The page's main-thread CPU time a second over IDLE_MS, from IDLE_AFTER_MS on, while nothing happens: a drawn
 * graph left alone should cost next to nothing (see idleRenderLoop.ts).
 */
async function idleCpuPerSecond(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // ThreadTime: CPU seconds of the page's main thread.
  const cpuSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN;
  await page.waitForTimeout(IDLE_AFTER_MS);
  const [cpuBefore, wallBefore] = [await cpuSeconds(), performance.now()];
  await page.waitForTimeout(IDLE_MS);
  const [cpuAfter, wallAfter] = [await cpuSeconds(), performance.now()];
  await cdp.detach();
  return ((cpuAfter - cpuBefore) * 1000) / ((wallAfter - wallBefore) / 1000);
}

/** Turns Cytoscape's viewport shortcuts (the performance options) on or off on the live instance, and fits it. */
async function setViewportShortcuts(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => {
    // The bench compares the renderer's viewport shortcuts on and off on the same instance: these are the fields
    // Cytoscape's canvas renderer reads on every frame (set from the constructor options of the same names).
    const renderer = (window.__atlasCy as unknown as { renderer(): Record<string, unknown> }).renderer();
    renderer.hideEdgesOnViewport = on;
    renderer.hideLabelsOnViewport = on;
    renderer.textureOnViewport = on;
    window.__atlasCy!.fit();
  }, on);
}

/** Frames per second while the mouse drags the canvas for PAN_MS, and the 95th-percentile frame interval. */
async function panFps(page: Page, performanceOptions: boolean): Promise<{ fps: number; p95FrameMs: number }> {
  await setViewportShortcuts(page, performanceOptions);
  const box = (await page.locator('.canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // A string, not a function: the bench runs under tsx, whose helpers would leak into the page's scope.
  await page.evaluate(`(() => {
    window.__atlasFrames = [];
    const tick = (at) => {
      if (!window.__atlasFrames) return;
      window.__atlasFrames.push(at);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  for (let i = 0; Date.now() - started < PAN_MS; i++) {
    const angle = i / 15;
    await page.mouse.move(cx + Math.cos(angle) * 150, cy + Math.sin(angle) * 100);
  }
  const frames = await page.evaluate(() => {
    const stamps = window.__atlasFrames ?? [];
    delete window.__atlasFrames;
    return stamps;
  });
  await page.mouse.up();
  const intervals = frames.slice(1).map((at, i) => at - frames[i]!);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return { fps: (frames.length - 1) / seconds, p95FrameMs: quantile(intervals, 0.95) };
}

/**
 * What new memory costs on this machine, to read the figures above by: the first drawing call on a new canvas (the
 * browser makes its pixels then) against clearing a canvas drawn before and drawing on it again (what canvasPool.ts
 * does for Cytoscape's pictures), for a 1,591 pixels square canvas (10 MB: a level's picture at ~5,000 records).
 * Median of 5, in a blank page.
 */
async function newCanvasCost(context: BrowserContext): Promise<{ newMs: number; reusedMs: number }> {
  const page = await context.newPage();
  try {
    const runs = await page.evaluate(() =>
      Array.from({ length: 5 }, () => {
        const context2d = new OffscreenCanvas(1591, 1591).getContext('2d')!;
        const start = performance.now();
        // Each drawing read back, so that it is rasterised before the clock is read.
        context2d.fillRect(0, 0, 1, 1);
        context2d.getImageData(0, 0, 1, 1);
        const drawn = performance.now();
        context2d.reset();
        context2d.fillRect(0, 0, 1, 1);
        context2d.getImageData(0, 0, 1, 1);
        return { newMs: drawn - start, reusedMs: performance.now() - drawn };
      }),
    );
    return { newMs: median(runs.map((run) => run.newMs)), reusedMs: median(runs.map((run) => run.reusedMs)) };
  } finally {
    await page.close();
  }
}

async function measure(target: number): Promise<BenchResult[]> {
  const atlas = await openTempAtlas({ includeSample: false });
  const browser = await launchChromium();
  try {
    // The seed knowledge base is already loaded; the synthetic actors and their services make up the rest.
    const positions = writeSavedMap(atlas, target);
    const records = atlas.store.index.nodeCount;
    const elements = records + atlas.store.index.edgeCount;
    // Each size stands for one of the view's two styles: below the threshold the normal one, above it the large one.
    if (target < 1000 !== elements <= PERFORMANCE_THRESHOLD) {
      throw new Error(`The bench's network of ${elements} elements is in the wrong style for its size (${target}).`);
    }
    const dispatch = createDispatcher(createHandlers(atlas));
    // ATLAS_BENCH_RENDERER points at another build (a copy of out/renderer) to compare before and after a change.
    const bridge = await startBridge({ dispatch, rendererDir: process.env.ATLAS_BENCH_RENDERER ?? RENDERER_DIR });
    const url = new URL(bridge.url);
    url.search = '?atlasTest=1&scope=all';
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript(INSTRUMENT_PAGE);
    const expected = { nodes: records, edges: atlas.store.index.edgeCount };
    const opens = async (
      count: number,
      waitForLayout: boolean,
      { before, traced }: { before?: () => void; traced?: boolean } = {},
    ): Promise<Open[]> => {
      const done: Open[] = [];
      for (let i = 0; i < count; i++) {
        before?.();
        const tracing = traced ? browser : undefined;
        const { page, open } = await openGraph(context, url.toString(), expected, waitForLayout, tracing);
        await page.close();
        done.push(open);
      }
      return done;
    };
    const label = `${records} records`;
    const results: BenchResult[] = [];

    const saved = await opens(OPENS, false);
    const paint = median(saved.map((s) => s.paintMs));

    let baseline: number | undefined;
    /** The longest task of each open with no saved positions (a first open: a grid, then fcose in the worker). */
    let freshLongestTaskMs: number[] = [];
    if (target <= 1000) {
      const fresh = await opens(OPENS, true, {
        before: () => atlas.db.transaction(() => atlas.store.repository.savePositions([], true))(),
      });
      baseline = median(fresh.map((open) => open.paintMs));
      freshLongestTaskMs = fresh.map((open) => open.longestTaskMs);
      atlas.db.transaction(() => atlas.store.repository.savePositions(positions, true))();
    }
    // Traced opens, apart: tracing slows the page a little, so they do not count in the figures above.
    const traced = (await opens(OPENS, false, { traced: true })).map((open) => open.longestTask!);
    const { page } = await openGraph(context, url.toString(), expected, false);
    try {
      results.push({
        name: `first graph paint (the sketch), saved positions, ${label} (median of ${OPENS}; baseline: no saved positions, fcose in the worker)`,
        value: paint,
        unit: 'ms',
        ...(baseline === undefined ? {} : { baseline, ratio: baseline / paint }),
        ...(target === 1000 ? { goal: '≤ 1000 ms at 1,000 records', met: paint <= 1000 } : {}),
      });
      results.push({
        name: `graph drawn by Cytoscape and answering the mouse, saved positions, ${label} (median of ${OPENS})`,
        value: median(saved.map((s) => s.drawnMs)),
        unit: 'ms',
      });
      results.push({
        name: `longest main-thread task while opening, ${label} (p95 of ${OPENS} opens)`,
        value: quantile(
          saved.map((s) => s.longestTaskMs),
          0.95,
        ),
        unit: 'ms',
        goal: '≤ 50 ms (never block the UI thread)',
        met: Math.max(...saved.map((s) => s.longestTaskMs)) <= 50,
      });
      if (freshLongestTaskMs.length > 0) {
        results.push({
          name: `longest main-thread task while opening with no saved positions (a grid, then fcose in the worker), ${label} (p95 of ${OPENS} opens)`,
          value: quantile(freshLongestTaskMs, 0.95),
          unit: 'ms',
          goal: '≤ 50 ms (never block the UI thread)',
          met: Math.max(...freshLongestTaskMs) <= 50,
        });
      }
      results.push({
        name: `longest main-thread task while opening by its own CPU time, ${label} (largest of ${OPENS} traced opens; baseline: that task's wall time)`,
        value: Math.max(...traced.map((task) => task.cpuMs)),
        unit: 'ms',
        baseline: traced.reduce((max, task) => (task.cpuMs > max.cpuMs ? task : max)).wallMs,
      });
      results.push({
        name: `main-thread CPU time of an open, saved positions, ${label} (to the paint and ${SETTLE_MS} ms after; median of ${OPENS})`,
        value: median(saved.map((s) => s.cpuMs)),
        unit: 'ms',
      });

      results.push({
        name: `main-thread CPU a second while the drawn graph sits idle, ${label} (over ${IDLE_MS / 1000} s, from ${(SETTLE_MS + IDLE_AFTER_MS) / 1000} s after it is drawn)`,
        value: await idleCpuPerSecond(page),
        unit: 'ms',
      });
      const fast = await panFps(page, true);
      const slow = await panFps(page, false);
      await page.close();
      // The next steps in an open of their own, as the app runs (not after the drag with the shortcuts off), and
      // alone: pages of one site share a renderer process, and so its main thread.
      const { page: stepsPage } = await openGraph(context, url.toString(), expected, false);
      const steps = await interactionTasks(stepsPage, browser);
      await stepsPage.close();
      for (const step of steps) {
        results.push({
          name: `longest main-thread task after the step "${step.name}", ${label}`,
          value: step.longestTaskMs,
          unit: 'ms',
          goal: '≤ 50 ms (never block the UI thread)',
          met: step.longestTaskMs <= 50,
        });
        if (step.shownMs !== undefined) {
          results.push({
            name: `time until the graph shows the step "${step.name}", ${label}`,
            value: step.shownMs,
            unit: 'ms',
          });
        }
      }
      const heldLongest = steps.reduce((max, step) => (step.traced.wallMs > max.traced.wallMs ? step : max));
      results.push({
        name: `longest main-thread task of the ${steps.length} steps in their traces, garbage collections included, ${label} (the step: "${heldLongest.name}"; baseline: that task's CPU time)`,
        value: heldLongest.traced.wallMs,
        unit: 'ms',
        baseline: heldLongest.traced.cpuMs,
        goal: '≤ 50 ms (never block the UI thread)',
        met: heldLongest.traced.wallMs <= 50,
      });
      results.push({
        name: `panning by mouse drag, ${label} (baseline: viewport shortcuts off)`,
        value: fast.fps,
        unit: 'fps',
        baseline: slow.fps,
        ratio: fast.fps / slow.fps,
        ...(target >= 5000 ? { goal: '≥ 30 fps at 5,000 records', met: fast.fps >= 30 } : {}),
      });
      results.push({
        name: `panning p95 frame interval, ${label}`,
        value: fast.p95FrameMs,
        unit: 'ms',
        baseline: slow.p95FrameMs,
        ratio: slow.p95FrameMs / fast.p95FrameMs,
      });
      if (target >= 5000) {
        const canvas = await newCanvasCost(context);
        results.push({
          name: 'new memory: the first drawing call on a new 10 MB canvas (median of 5; baseline: a canvas drawn before, cleared and drawn again)',
          value: canvas.newMs,
          unit: 'ms',
          baseline: canvas.reusedMs,
          // The page's clock counts in tenths of a millisecond: a reuse can read 0.
          ratio: canvas.newMs / Math.max(canvas.reusedMs, 0.1),
        });
      }
      return results;
    } finally {
      await context.close();
      await bridge.close();
    }
  } finally {
    await browser.close();
    atlas.dispose();
  }
}

/** The network view's suite (needs the built renderer: `npm run build`). */
export const networkSuite: BenchSuite = {
  name: 'network',
  async run() {
    // ATLAS_BENCH_SIZES (say `400` or `1000,5000`) runs only those sizes, to look at one style while changing it.
    const sizes = process.env.ATLAS_BENCH_SIZES?.split(',').map(Number) ?? [400, 1000, 5000];
    const results: BenchResult[] = [];
    for (const size of sizes) results.push(...(await measure(size)));
    return results;
  },
};

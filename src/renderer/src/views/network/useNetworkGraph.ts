/**
 * The graph the network view draws: loading it for a filter (the early answers, the sketch, the Cytoscape
 * controller, records placed beside their neighbours), the fcose layout in the worker, and the saved positions. The
 * view keeps what the user does with the drawn graph (selection, focus, paths, forms).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { NetworkFilter, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import type { EdgeType } from '../../../../shared/domain';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { startTask } from '../../shell/taskProgress';
import { selectRecord } from '../../state/appStore';
import { FILTER_KEY, takeFirstGraph } from './firstGraph';
import { nextTask } from './frames';
import type { GraphController, GraphEvents } from './graphController';
import type { Point } from './graphElements';
import { placeholderGrid } from './graphPlacement';
import { hideSketch, showSketch } from './graphSketch';
import { parkedGraphMayShow } from './parkedGraph';
import { LayoutCancelled, runLayout, type LayoutJob } from './runLayout';
import { fetchSubgraph } from './subgraphPages';

/** Share of nodes without a saved position above which a full layout runs instead of placing them by neighbours. */
const RELAYOUT_SHARE = 0.3;

/**
 * The canvas code, Cytoscape with it (about half of the renderer's script), loaded on first use: the app shell
 * paints without waiting for it. index.html preloads it (fetched and compiled while the shell's script runs); the
 * first load runs it once the graph's data is in and any sketch is on screen, so running it does not delay either.
 */
const loadGraphModule = () => import('./graphController');

/** Where the view draws: its focusable canvas, Cytoscape's own box in it, and what is laid over it (sketch, ring, names). */
export interface GraphPlaces {
  canvasRef: RefObject<HTMLDivElement | null>;
  containerRef: RefObject<HTMLDivElement | null>;
  sketchRef: RefObject<HTMLCanvasElement | null>;
  /** The ring that marks the selected record (see selectionRing.ts). */
  ringRef: RefObject<HTMLDivElement | null>;
  /** The canvas that names records when zoomed out too far for Cytoscape's labels (see labelOverlay.ts). */
  namesRef: RefObject<HTMLCanvasElement | null>;
  /** The focus's, path's and error's banners, laid over the canvas's top: a fit keeps what it shows below them. */
  bannersRef: RefObject<HTMLDivElement | null>;
}

/**
 * Loads the graph for `filter` whenever it or the data (`revision`) change, and says what is drawn. `loadedAt`
 * counts the loads drawn whole, so the view can re-apply selection and emphasis after each; `updatedAt` the
 * updates after a change of data (the graph drawn before keeps its emphasis; a selected record may be new); `onError` (a stable
 * function, such as a state setter: a new one loads again) gets what went wrong, in words.
 */
export function useNetworkGraph({
  filter,
  revision,
  canvasRef,
  containerRef,
  sketchRef,
  ringRef,
  namesRef,
  bannersRef,
  onError,
}: GraphPlaces & { filter: NetworkFilter; revision: number; onError(message: string): void }) {
  const { t } = useI18n();
  // The messages of the language in use, read when a layout runs or a load fails: a language switch must not load
  // the graph again (the load depends on `layout`).
  const messages = useRef(t);
  useEffect(() => {
    messages.current = t;
  }, [t]);
  const controllerRef = useRef<GraphController | null>(null);
  const positionsRef = useRef<Map<string, Point> | null>(null);
  const [nodes, setNodes] = useState<NetworkNode[]>([]);
  /** How many records are drawn, for the layout's message. */
  const recordCount = useRef(0);
  useEffect(() => {
    recordCount.current = nodes.length;
  }, [nodes]);
  const [edgeTypes, setEdgeTypes] = useState<EdgeType[]>([]);
  const [counts, setCounts] = useState<{ total: number; truncated: boolean } | null>(null);
  const [loadedAt, setLoadedAt] = useState(0);
  const [updatedAt, setUpdatedAt] = useState(0);
  const [layoutBusy, setLayoutBusy] = useState(false);
  /** The filter of the last graph drawn whole. */
  const lastFilter = useRef<string>('');
  /** Records drawn after the load (a focus or path reaching outside it). */
  const addNodes = useCallback((added: NetworkNode[]) => setNodes((current) => [...current, ...added]), []);
  const layoutCancel = useRef<(() => void) | null>(null);

  /** The data revision of the last load, drawn or not. */
  const loadedRevision = useRef(revision);

  // The controller is made by the first load (once its module is there); it lives as long as the view, and parks
  // the graph it would keep for the next view (parkedGraph.ts).
  useEffect(
    () => () => {
      layoutCancel.current?.();
      controllerRef.current?.destroy(loadedRevision.current);
      controllerRef.current = null;
    },
    [],
  );

  /** Keeps records' new places, here and in the database. */
  const rememberPositions = useCallback((positions: { nodeId: string; x: number; y: number }[]) => {
    for (const p of positions) positionsRef.current?.set(p.nodeId, { x: p.x, y: p.y });
    if (positions.length > 0) void call('network.positions.save', { positions });
  }, []);
  const savePositions = useCallback(
    (placed: Record<string, Point>) =>
      rememberPositions(Object.entries(placed).map(([nodeId, p]) => ({ nodeId, x: p.x, y: p.y }))),
    [rememberPositions],
  );

  /** Runs fcose in the worker for the drawn graph, with progress and cancel in the status bar. */
  const layout = useCallback(
    async (keep: ReadonlySet<string>) => {
      const controller = controllerRef.current;
      if (!controller || layoutCancel.current) return;
      let job: LayoutJob | null = null;
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        job?.cancel();
      };
      const t = messages.current;
      // The count the view shows (its records), not Cytoscape's: cy.nodes() sorts five thousand records out of
      // sixteen thousand elements into a new collection, in the task of the click.
      const task = startTask(t('network.layout.running', { count: recordCount.current }), cancel);
      layoutCancel.current = cancel;
      setLayoutBusy(true);
      // Not once cancelled, nor once a new graph replaced this one.
      const superseded = () => cancelled || controllerRef.current !== controller;
      // Whether to go on after a task's pause.
      const goOn = async () => {
        await nextTask();
        return !superseded();
      };
      try {
        // Not in the task that asked (a click, with its render), and each in tasks of its own: the request (a box
        // for every record, every relation: in slices), the worker's start (the request's arrays handed over), and,
        // with the answer, the positions' saving (25 ms at five thousand records) and the render that follows.
        if (!(await goOn())) return;
        const request = await controller.positions.layoutRequest(keep, superseded);
        if (!request || !(await goOn())) return;
        job = runLayout(request);
        const positions = await job.result;
        if (controllerRef.current !== controller) return;
        // The canvas is marked busy while the places go in (seconds at five thousand records), as for any other
        // change of the drawn graph: what waits for the graph to show a change waits for this one too.
        await controller.whileBusy(controller.positions.apply(positions));
        controller.fitTo();
        // Saved as drawn, even if cancelled meanwhile: the graph shows them. The status bar's and the button's
        // render comes after, in a task of its own.
        await nextTask();
        savePositions(positions);
        await nextTask();
      } catch (error) {
        if (!(error instanceof LayoutCancelled)) onError(t('network.layout.failed', { message: String(error) }));
      } finally {
        task.done();
        layoutCancel.current = null;
        setLayoutBusy(false);
      }
    },
    [savePositions, onError],
  );

  // Load the drawn graph whenever the filter or the data change.
  useEffect(() => {
    let live = true;
    const filterKey = JSON.stringify(filter);
    sessionStorage.setItem(FILTER_KEY, filterKey);
    loadedRevision.current = revision;
    const load = async () => {
      // Both requests at once (the first load's were made when the script started), while the canvas code may
      // still be loading: the first open waits for the slowest.
      const early = takeFirstGraph(filterKey);
      const [saved, subgraph] = await Promise.all([
        positionsRef.current ? null : (early?.positions ?? call('network.positions.get')),
        early?.subgraph ?? fetchSubgraph(filter),
      ]);
      // The answers' decoding was this task's work so far; the panels render in the next one.
      await nextTask();
      if (saved) positionsRef.current ??= new Map(saved.positions.map((p) => [p.nodeId, { x: p.x, y: p.y }]));
      const positions = positionsRef.current;
      const container = containerRef.current;
      if (!live || !container || !positions) return;
      // Fitted when the filter differs from the last graph drawn whole (a load replaced midway does not count).
      const newFilter = filterKey !== lastFilter.current;
      // The panels first, at once: the count can change the canvas's size (a longer count wraps the toolbar), and a
      // resize after the graph is drawn makes Cytoscape draw all of it again.
      flushSync(() => {
        setNodes(subgraph.nodes);
        setEdgeTypes([...new Set(subgraph.edges.map((edge) => edge.type))].sort());
        setCounts({ total: subgraph.totalNodes, truncated: subgraph.truncated });
      });
      // The same filter's graph after an edit: only what changed is drawn again.
      const drawn = controllerRef.current;
      if (drawn && !newFilter) {
        const placed = await drawn.update(subgraph.nodes, subgraph.edges, positions);
        if (!live || placed === null) return;
        if (placed) {
          savePositions(placed);
          setUpdatedAt((value) => value + 1);
          return;
        }
      }
      // Records without a saved place go beside their placed neighbours once drawn; when there are too many for
      // that, a full layout runs in the worker, and until it answers they are drawn in a placeholder grid.
      const unplaced = subgraph.nodes.filter((node) => !positions.has(node.id)).map((node) => node.id);
      const fullLayout = unplaced.length > subgraph.nodes.length * RELAYOUT_SHARE;
      const drawAt = fullLayout
        ? new Map([
            ...positions,
            ...placeholderGrid(
              unplaced,
              subgraph.nodes.flatMap((node) => positions.get(node.id) ?? []),
            ),
          ])
        : positions;
      // A large graph newly fitted is sketched at once (see graphSketch.ts) until Cytoscape has drawn it whole; not
      // one the controller kept from before, which shows again at once (keptGraph.ts).
      const sketch = sketchRef.current;
      const [nodeCount, edgeCount] = [subgraph.nodes.length, subgraph.edges.length];
      const keptMayShow = controllerRef.current
        ? controllerRef.current.mayShowKept(nodeCount, edgeCount)
        : parkedGraphMayShow(nodeCount, edgeCount, revision);
      if (sketch && newFilter && !keptMayShow) {
        // In a task of its own: together with the panels' render it would hold the thread for too long at once.
        await nextTask();
        const size = { width: container.clientWidth, height: container.clientHeight };
        const graph = { nodes: subgraph.nodes, edges: subgraph.edges, positions: drawAt };
        await showSketch(sketch, size, graph, { minPlacedShare: 1 - RELAYOUT_SHARE });
      }
      const { GraphController } = await loadGraphModule();
      // Running the module is a task's worth of work; making the Cytoscape instance is the next one.
      await nextTask();
      if (!live) return;
      const events: GraphEvents = {
        onSelect: (id) => selectRecord(id),
        onMoved: rememberPositions,
        // Marked on the focusable canvas, not on Cytoscape's container (see GraphEvents.onBusy).
        onBusy: (busy) => {
          if (busy) canvasRef.current?.setAttribute('aria-busy', 'true');
          else canvasRef.current?.removeAttribute('aria-busy');
        },
        coveredTop: () => bannersRef.current?.offsetHeight ?? 0,
      };
      let controller = controllerRef.current;
      if (!controller) {
        controller = controllerRef.current = new GraphController(container, events, {
          ring: ringRef.current ?? undefined,
          names: namesRef.current ?? undefined,
        });
        controller.adoptParked(revision);
      }
      // Drawn slice by slice; a newer load (another filter, another change) makes this one stop.
      let loaded: boolean;
      try {
        loaded = await controller.load(subgraph.nodes, subgraph.edges, drawAt, { fit: newFilter });
      } finally {
        // A newer load (live is false) shows its own sketch or hides this one.
        if (live && sketch) hideSketch(sketch);
      }
      if (!live || !loaded) return;
      lastFilter.current = filterKey;
      if (!fullLayout && unplaced.length > 0) {
        savePositions(await controller.positions.placeNearNeighbours(unplaced));
        if (!live) return;
        if (newFilter) controller.fitTo();
      }
      setLoadedAt((value) => value + 1);
      // The records with a saved place keep it as the layout's starting point; the placeholders start afresh.
      if (fullLayout)
        void layout(new Set(subgraph.nodes.filter((node) => positions.has(node.id)).map((node) => node.id)));
    };
    load().catch((error: unknown) => live && onError(errorText(error, messages.current)));
    return () => {
      live = false;
    };
  }, [
    filter,
    revision,
    layout,
    savePositions,
    rememberPositions,
    canvasRef,
    containerRef,
    sketchRef,
    ringRef,
    namesRef,
    bannersRef,
    onError,
  ]);

  /** Lays the whole drawn graph out again in the worker. */
  const relayout = useCallback(() => void layout(new Set()), [layout]);

  return {
    controllerRef,
    positionsRef,
    nodes,
    addNodes,
    edgeTypes,
    counts,
    loadedAt,
    updatedAt,
    layoutBusy,
    relayout,
  };
}

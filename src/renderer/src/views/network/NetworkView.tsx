/**
 * The Network tab: sidebar (search, filters, saved views, the legend), the graph canvas with its toolbar (or the
 * same records as a table), and the details panel with editing; focus, paths and highlights on the drawn graph.
 * Loading the graph itself (and its layout and saved positions) is useNetworkGraph.ts. The Cytoscape instance lives
 * in a {@link GraphController} held in a ref; React only holds what the panels show.
 */
import { Suspense, lazy, startTransition, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { NetworkFilter, NetworkNode } from '../../../../shared/api/methods/networkMethods';
import type { NodeRecord } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ViewLoading } from '../../shell/ViewLoading';
import { highlightInGraph, openRecord, useAppState } from '../../state/appStore';
import { DetailsPanel, focusDetailsWhenLoaded } from './DetailsPanel';
import { initialFilter } from './firstGraph';
import type { GraphController } from './graphController';
import { GraphToolbar } from './GraphToolbar';
import { Legend } from './Legend';
import { sortWhenIdle } from './nameOrder';
import { NodeTable } from './NodeTable';
import { Sidebar } from './Sidebar';
import { useNetworkGraph } from './useNetworkGraph';
import './network.css';

type Emphasis =
  | { type: 'focus'; id: string; depth: 1 | 2; nodeIds: string[] }
  | { type: 'path'; from: string; to: string; nodeIds: string[]; edgeIds: string[] }
  | { type: 'noPath'; from: string; to: string };

type Editing =
  { mode: 'edit'; record: NodeRecord } | { mode: 'create' } | { mode: 'relate'; record: NodeRecord } | null;

// The forms load when first opened: they validate with the shared schemas, whose building (zod builds every schema
// when its module runs) the first screen does not need.
const RecordForm = lazy(() => import('./RecordForm').then(({ RecordForm }) => ({ default: RecordForm })));
const RelationForm = lazy(() => import('./RelationForm').then(({ RelationForm }) => ({ default: RelationForm })));

/** Draws records that are not on the canvas yet (beside their neighbours) so a focus, path or highlight can show them. */
async function bringIn(
  controller: GraphController,
  ids: string[],
  onAdded: (nodes: NetworkNode[]) => void,
): Promise<void> {
  const found = await call('network.nodes', { ids });
  const added = new Set(controller.merge(found.nodes, found.edges));
  if (added.size > 0) {
    await controller.positions.placeNearNeighbours([...added]);
    onAdded(found.nodes.filter((node) => added.has(node.id)));
  }
}

export function NetworkView() {
  const { t } = useI18n();
  const selectedId = useAppState((state) => state.selectedId);
  const revision = useAppState((state) => state.dataRevision);
  const highlight = useAppState((state) => state.highlight);
  const overlay = useAppState((state) => state.overlay);
  const canvasRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const sketchRef = useRef<HTMLCanvasElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);
  const namesRef = useRef<HTMLCanvasElement>(null);
  const bannersRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLElement>(null);
  const [filter, setFilter] = useState<NetworkFilter>(initialFilter);
  const [emphasis, setEmphasis] = useState<Emphasis | null>(null);
  const [pathFrom, setPathFrom] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [showTable, setShowTable] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { controllerRef, positionsRef, nodes, addNodes, edgeTypes, counts, loadedAt, updatedAt, layoutBusy, relayout } =
    useNetworkGraph({
      filter,
      revision,
      canvasRef,
      containerRef,
      sketchRef,
      ringRef,
      namesRef,
      bannersRef,
      onError: setMessage,
    });

  // The table view's order, sorted ahead while the browser is idle (nameOrder.ts).
  useEffect(() => sortWhenIdle(nodes), [nodes]);

  // The canvas's size changes with the table view beside it (once the browser has laid the page out).
  const tableShownOnce = useRef(false);
  useEffect(() => {
    if (!showTable && !tableShownOnce.current) return;
    tableShownOnce.current = true;
    const frame = requestAnimationFrame(() => controllerRef.current?.cy.resize());
    return () => cancelAnimationFrame(frame);
  }, [showTable, controllerRef]);

  // Selection, overlay and emphasis are re-applied after every load; the selection after every update too (the
  // selected record may be one just created).
  useEffect(() => {
    controllerRef.current?.select(selectedId);
  }, [selectedId, loadedAt, updatedAt, controllerRef]);

  useEffect(() => {
    controllerRef.current?.setOverlay(overlay);
  }, [overlay, loadedAt, controllerRef]);

  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    const { showcase } = controller;
    if (emphasis?.type === 'focus') void showcase.show(emphasis.nodeIds, []);
    else if (emphasis?.type === 'path') {
      const pathEnds = [emphasis.from, emphasis.to];
      void showcase.show(emphasis.nodeIds, emphasis.edgeIds, { highlight: true, pathEnds });
    } else if (highlight) {
      const missing = highlight.nodeIds.filter((id) => controller.cy.getElementById(id).empty());
      const apply = () => showcase.highlight(highlight);
      if (missing.length > 0) void bringIn(controller, missing, addNodes).then(apply);
      else void apply();
    } else void showcase.clear();
  }, [emphasis, highlight, loadedAt, addNodes, controllerRef]);

  // A focus and a path mark the graph busy from the click until they are drawn (the answer, the records brought in,
  // the showcase, the arrangement and the fit): what waits for the graph to show them waits for all of it.
  const focus = (id: string, depth: 1 | 2) => {
    const controller = controllerRef.current;
    return controller ? controller.whileBusy(focusShown(controller, id, depth)) : Promise.resolve();
  };

  const focusShown = async (controller: GraphController, id: string, depth: 1 | 2) => {
    const around = await call('graph.neighbors', { id, depth, limit: 400 });
    await bringIn(
      controller,
      around.nodes.map((node) => node.id),
      addNodes,
    );
    // The banner in place first: the fit keeps the focus below it.
    flushSync(() => setEmphasis({ type: 'focus', id, depth, nodeIds: around.nodes.map((node) => node.id) }));
    controller.fitTo(around.nodes.map((node) => node.id));
  };

  const showPath = (from: string, to: string) => {
    const controller = controllerRef.current;
    if (!controller) return Promise.resolve();
    setPathFrom(null);
    return controller.whileBusy(pathShown(controller, from, to));
  };

  const pathShown = async (controller: GraphController, from: string, to: string) => {
    const { path } = await call('network.path', { from, to });
    if (!path) {
      setEmphasis({ type: 'noPath', from, to });
      return;
    }
    await bringIn(
      controller,
      path.nodes.map((node) => node.id),
      addNodes,
    );
    // The banner in place first: the arrangement's fit keeps the path below it.
    flushSync(() =>
      setEmphasis({
        type: 'path',
        from,
        to,
        nodeIds: path.nodes.map((node) => node.id),
        edgeIds: path.edges.map((edge) => edge.id),
      }),
    );
    await controller.positions.arrange(
      path.nodes.map((node) => node.id),
      from,
      'breadthfirst',
    );
  };

  const endEmphasis = () => {
    const controller = controllerRef.current;
    setEmphasis(null);
    if (highlight) highlightInGraph(null);
    // A path or focus arrangement is temporary: put every arranged record back where it was saved.
    if (controller && positionsRef.current) void controller.positions.putBackArranged(positionsRef.current);
  };

  const openFromTable = (id: string) => {
    // Keyboard users land on the record they chose.
    focusDetailsWhenLoaded();
    openRecord(id);
  };

  const onCanvasKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const controller = controllerRef.current;
    if (!controller) return;
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => controller.panBy(step, 0),
      ArrowRight: () => controller.panBy(-step, 0),
      ArrowUp: () => controller.panBy(0, step),
      ArrowDown: () => controller.panBy(0, -step),
      '+': () => controller.zoomBy(1.25),
      '=': () => controller.zoomBy(1.25),
      '-': () => controller.zoomBy(0.8),
      '0': () => controller.fitTo(),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  const emphasisText = () => {
    if (!emphasis && highlight) return t('network.emphasis.highlight', { label: highlight.label });
    if (!emphasis) return null;
    const name = (id: string) => nodes.find((node) => node.id === id)?.name ?? id;
    if (emphasis.type === 'focus')
      return t('network.emphasis.focus', { name: name(emphasis.id), depth: emphasis.depth });
    if (emphasis.type === 'path')
      return t('network.emphasis.path', {
        from: name(emphasis.from),
        to: name(emphasis.to),
        hops: emphasis.edgeIds.length,
      });
    return t('network.emphasis.noPath', { from: name(emphasis.from), to: name(emphasis.to) });
  };
  const emphasisLine = emphasisText();
  // The table lists what the graph shows in full colour: a focus or path narrows it too.
  const showcasedIds = emphasis?.type === 'focus' || emphasis?.type === 'path' ? emphasis.nodeIds : null;

  /** What the view says over the graph (or above the table): the focus or path in force, and what went wrong. */
  const banners = (
    <>
      {(emphasisLine || pathFrom) && (
        <div className="banner" role="status">
          <span>
            {emphasisLine ??
              t('network.emphasis.pathPending', {
                name: nodes.find((node) => node.id === pathFrom)?.name ?? pathFrom ?? '',
              })}
          </span>
          {emphasis?.type === 'focus' && (
            <button
              type="button"
              className="button"
              onClick={() => void controllerRef.current?.positions.arrange(emphasis.nodeIds, emphasis.id, 'concentric')}
            >
              {t('network.emphasis.arrange')}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => {
              setPathFrom(null);
              endEmphasis();
            }}
          >
            {t('network.emphasis.clear')}
          </button>
        </div>
      )}
      {message && (
        <div className="banner banner--error" role="alert">
          <span>{message}</span>
          <button type="button" className="button" onClick={() => setMessage(null)}>
            {t('network.dismiss')}
          </button>
        </div>
      )}
    </>
  );
  return (
    <div className="network">
      <Sidebar
        filter={filter}
        onFilter={(next) => {
          setEmphasis(null);
          setFilter(next);
        }}
      >
        <Legend nodes={nodes} edgeTypes={edgeTypes} overlay={overlay} />
      </Sidebar>
      <section className="canvas-area" aria-label={t('network.canvas.label')}>
        <GraphToolbar
          controller={() => controllerRef.current}
          counts={counts && { shown: nodes.length, total: counts.total, truncated: counts.truncated }}
          layoutBusy={layoutBusy}
          onRelayout={relayout}
          showTable={showTable}
          // A transition: React renders the table's rows in slices, not in the click's task (at five thousand
          // records that task took 55-85 ms).
          onToggleTable={() => startTransition(() => setShowTable((value) => !value))}
          onNewRecord={() => setEditing({ mode: 'create' })}
          onError={setMessage}
        />
        {showTable && banners}
        <div className="canvas-wrap" hidden={showTable}>
          {/*
           * Laid over the graph, not above it: a banner in the flow changed the canvas's height as a focus or path
           * began and ended, and Cytoscape made all its canvases anew and drew the whole graph again (new memory:
           * first drawing calls of 19 to 150 ms in traces of a path's end at five thousand records).
           */}
          {!showTable && (
            <div ref={bannersRef} className="canvas-banners">
              {banners}
            </div>
          )}
          <div
            ref={canvasRef}
            className="canvas"
            tabIndex={0}
            role="img"
            aria-roledescription={t('network.canvas.role')}
            aria-label={t('network.canvas.description', { count: nodes.length })}
            data-testid="graph-canvas"
            data-node-count={nodes.length}
            onKeyDown={onCanvasKey}
          >
            {/* The Cytoscape instances' box: one shown, maybe one kept hidden (keptGraph.ts). */}
            <div ref={containerRef} className="canvas__graph" />
          </div>
          <div ref={ringRef} className="canvas__ring" data-testid="selection-ring" hidden aria-hidden="true" />
          <canvas ref={namesRef} className="canvas__names" data-testid="graph-names" hidden aria-hidden="true" />
          <canvas ref={sketchRef} className="canvas__sketch" hidden aria-hidden="true" />
        </div>
        {showTable && <NodeTable nodes={nodes} onlyIds={showcasedIds} selectedId={selectedId} onOpen={openFromTable} />}
      </section>
      <DetailsPanel
        ref={detailsRef}
        actions={{
          onEdit: (record) => setEditing({ mode: 'edit', record }),
          onRelate: (record) => setEditing({ mode: 'relate', record }),
          onFocus: (id, depth) => void focus(id, depth),
          onPathFrom: (id) => setPathFrom(id),
          onPathTo: (id) => pathFrom && void showPath(pathFrom, id),
          pathFrom,
        }}
      >
        {/* The details give way to a form while one is open (the panel shows its children instead). */}
        {editing ? (
          <Suspense fallback={<ViewLoading />}>
            {editing.mode === 'relate' ? (
              <RelationForm
                record={editing.record}
                candidates={nodes}
                onCancel={() => setEditing(null)}
                onDone={() => setEditing(null)}
              />
            ) : (
              <RecordForm
                key={editing.mode === 'edit' ? editing.record.id : 'new'}
                record={editing.mode === 'edit' ? editing.record : null}
                onCancel={() => setEditing(null)}
                onDone={(id) => {
                  setEditing(null);
                  openRecord(id);
                }}
              />
            )}
          </Suspense>
        ) : undefined}
      </DetailsPanel>
    </div>
  );
}

/**
 * The renderer's small shared state: which tab is open, which record is selected, and a revision number that
 * grows after every change to the data so views know to fetch again. The graph itself is never kept here
 * (Cytoscape owns it); this only coordinates the panels.
 */
import { useSyncExternalStore } from 'react';

/** The main views. */
export const TABS = ['network', 'plan', 'directory', 'insights'] as const;
/** One of {@link TABS}. */
export type Tab = (typeof TABS)[number];

/** What the panels share. */
export interface AppState {
  tab: Tab;
  /** The record shown in the details panel and selected in the graph. */
  selectedId: string | null;
  /** Grows after every write (edit, undo, import, ...). */
  dataRevision: number;
  /** Records and relations another view asks the graph to highlight (a plan's paths), with what they are. */
  highlight: GraphHighlight | null;
  /** Node sizes and colours another view asks the graph to draw (centrality, communities). */
  overlay: GraphOverlay | null;
}

/** Records and relations to highlight in the graph. */
export interface GraphHighlight {
  label: string;
  nodeIds: string[];
  /** Edge ids; when empty, the graph highlights the edges among the highlighted nodes. */
  edgeIds: string[];
}

/** Per-node sizes (0..1, relative) and colours (CSS colours), keyed by record id, with a legend. */
export interface GraphOverlay {
  label: string;
  size?: Record<string, number>;
  color?: Record<string, string>;
  legend?: { color: string; label: string }[];
}

let state: AppState = { tab: 'network', selectedId: null, dataRevision: 0, highlight: null, overlay: null };
const listeners = new Set<() => void>();

function set(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** The current state (for event handlers outside React). */
export function getAppState(): AppState {
  return state;
}

/** Subscribes a component to one slice of the state. */
export function useAppState<T>(select: (current: AppState) => T): T {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => select(state),
  );
}

/** Switches the main view. */
export function showTab(tab: Tab): void {
  set({ tab });
}

/** Opens a record: selects it and shows it in the network view (details panel and graph). */
export function openRecord(id: string): void {
  set({ tab: 'network', selectedId: id });
}

/** Selects a record without changing the view (null clears the selection). */
export function selectRecord(id: string | null): void {
  set({ selectedId: id });
}

/** Tells every view that the data changed, so they fetch again. */
export function notifyDataChanged(): void {
  set({ dataRevision: state.dataRevision + 1 });
}

/** Shows records and relations highlighted in the network view (null clears), and switches to it when asked. */
export function highlightInGraph(highlight: GraphHighlight | null, switchToNetwork = false): void {
  set(switchToNetwork ? { highlight, tab: 'network' } : { highlight });
}

/** Sets the graph's size and colour overlay (null clears). */
export function setGraphOverlay(overlay: GraphOverlay | null): void {
  set({ overlay });
}

/**
 * Long work the status bar shows while it runs (a layout, an import, an export), with a way to cancel it. Any view
 * starts a task here; the status bar draws it. Progress is a fraction, or null while it cannot be known.
 */
import { useSyncExternalStore } from 'react';

/** A task in progress. */
export interface RunningTask {
  id: number;
  label: string;
  progress: number | null;
  cancel: (() => void) | null;
}

let tasks: RunningTask[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: RunningTask[]): void {
  tasks = next;
  for (const listener of listeners) listener();
}

/** Starts showing a task; call `done()` when it ends (whether it finished, failed or was cancelled). */
export function startTask(label: string, cancel: (() => void) | null = null) {
  const id = nextId++;
  publish([...tasks, { id, label, progress: null, cancel }]);
  return {
    progress(fraction: number | null) {
      publish(tasks.map((task) => (task.id === id ? { ...task, progress: fraction } : task)));
    },
    done() {
      publish(tasks.filter((task) => task.id !== id));
    },
  };
}

/** The tasks running now, for the status bar. */
export function useRunningTasks(): RunningTask[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => tasks,
  );
}

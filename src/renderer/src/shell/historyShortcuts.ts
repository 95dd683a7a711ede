/** Undo and redo from the keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) through the audit log of the store. */
import { useEffect } from 'react';
import type { HistoryInfo, HistoryStep } from '../../../shared/api';
import { messageText, type Translate } from '../../../shared/i18n';
import { call } from '../api/client';
import { notifyDataChanged } from '../state/appStore';

/** Undoes (or redoes) the latest change and tells every view; returns what was undone or redone. */
export async function stepHistory(direction: 'undo' | 'redo'): Promise<HistoryInfo & { step: HistoryStep | null }> {
  const result = direction === 'undo' ? await call('history.undo') : await call('history.redo');
  const step = 'undone' in result ? result.undone : result.redone;
  if (step) notifyDataChanged();
  return { ...result, step };
}

/** A change as undo and redo name it: in the language in use when the log kept its message, else as labelled. */
export function stepName(step: HistoryStep, t: Translate): string {
  return step.message ? messageText(step.message, t) : step.label;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type))
  );
}

/** Binds the shortcuts; inside a text field they stay the field's own undo. */
export function useHistoryShortcuts(onStep: (direction: 'undo' | 'redo', step: HistoryStep | null) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      const direction =
        key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      if (!direction) return;
      event.preventDefault();
      void stepHistory(direction).then((result) => onStep(direction, result.step));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep]);
}

/**
 * The behaviour the search box and the command palette share: the typed text, the results in display order, which
 * one is active, and the keys (↑ ↓ Home End move, Enter opens, Esc hands over to the caller).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../shared/search/searchTypes';
import { displayOrder } from './SearchResults';
import { useSearch } from './useSearch';

/** The shared state and key handling of a search combobox. */
export function useSearchCombobox({
  limit,
  onOpen,
  onEscape,
}: {
  limit: number;
  onOpen(result: SearchResult): void;
  onEscape(): void;
}) {
  const [text, setTextState] = useState('');
  const [active, setActive] = useState(0);
  // Enter pressed before the answer to the last keystroke arrived: the text it was pressed on.
  const enterPending = useRef<string | null>(null);
  const state = useSearch(text, limit);
  const groups = useMemo(() => displayOrder(state.response?.results ?? []), [state.response]);
  const ordered = useMemo(() => groups.flat(), [groups]);
  const current = Math.min(active, Math.max(0, ordered.length - 1));

  const setText = (next: string) => {
    setTextState(next);
    setActive(0);
    enterPending.current = null;
  };

  // ...opens the best result once that answer arrives.
  const answered = state.answered === text && !state.searching;
  useEffect(() => {
    if (enterPending.current === null || enterPending.current !== text || !answered) return;
    enterPending.current = null;
    if (ordered[0]) onOpen(ordered[0]);
  }, [answered, text, ordered, onOpen]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = ordered.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves && ordered.length > 0 && (event.key.startsWith('Arrow') || event.ctrlKey)) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = ordered[current];
      if (!answered) enterPending.current = text.trim() ? text : null;
      else if (chosen) onOpen(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };

  return { text, setText, state, groups, ordered, active: current, setActive, onKeyDown };
}

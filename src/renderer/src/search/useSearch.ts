/**
 * Searching while typing: the query goes to `search.query` a short pause after the last keystroke, answers to
 * older keystrokes are dropped (they can arrive late), and the results are fetched again when the data changes.
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchResponse } from '../../../shared/search/searchTypes';
import { call } from '../api/client';
import { useAppState } from '../state/appStore';

/** The pause after a keystroke before searching: short enough to feel instant, long enough to skip most bursts. */
const DEBOUNCE_MS = 70;

/** Where a search stands. */
export interface SearchState {
  /** The text the shown results answer (may lag behind what is typed). */
  answered: string;
  response: SearchResponse | null;
  searching: boolean;
  error: string | null;
}

/** Results for `text` (none for blank text), at most `limit`. */
export function useSearch(text: string, limit: number): SearchState {
  const dataRevision = useAppState((state) => state.dataRevision);
  const [answer, setAnswer] = useState<{ text: string; response: SearchResponse | null; error: string | null }>({
    text: '',
    response: null,
    error: null,
  });
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!text.trim()) return;
    const timer = setTimeout(() => {
      call('search.query', { text, limit })
        .then((response) => {
          if (ticket === latest.current) setAnswer({ text, response, error: null });
        })
        .catch((reason: unknown) => {
          if (ticket !== latest.current) return;
          setAnswer({ text, response: null, error: reason instanceof Error ? reason.message : String(reason) });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, limit, dataRevision]);

  if (!text.trim()) return { answered: '', response: null, searching: false, error: null };
  return { answered: answer.text, response: answer.response, searching: answer.text !== text, error: answer.error };
}

/** Asks the app to build its search index now (it is built on first use), so the first keystroke finds it ready. */
export function warmSearch(): void {
  call('search.query', { text: '', limit: 1 }).catch(() => undefined);
}

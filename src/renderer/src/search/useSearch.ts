/**
 * Searching while typing: the query goes to `search.query` a short pause after the last keystroke, answers to
 * older keystrokes are dropped (they can arrive late), and the results are fetched again when the data changes.
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchResponse } from '../../../shared/search/searchTypes';
import { call } from '../api/client';
import { errorText } from '../api/errorText';
import { useI18n } from '../i18n';
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
  const { t } = useI18n();
  // A failure is kept as it came and put in words at render, in the language then in use.
  const [answer, setAnswer] = useState<{
    text: string;
    response: SearchResponse | null;
    failure: { reason: unknown } | null;
  }>({
    text: '',
    response: null,
    failure: null,
  });
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!text.trim()) return;
    const timer = setTimeout(() => {
      call('search.query', { text, limit })
        .then((response) => {
          if (ticket === latest.current) setAnswer({ text, response, failure: null });
        })
        .catch((reason: unknown) => {
          if (ticket !== latest.current) return;
          setAnswer({ text, response: null, failure: { reason } });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, limit, dataRevision]);

  if (!text.trim()) return { answered: '', response: null, searching: false, error: null };
  const error = answer.failure && errorText(answer.failure.reason, t);
  return { answered: answer.text, response: answer.response, searching: answer.text !== text, error };
}

/** Asks the app to build its search index now (it is built on first use), so the first keystroke finds it ready. */
export function warmSearch(): void {
  call('search.query', { text: '', limit: 1 }).catch(() => undefined);
}

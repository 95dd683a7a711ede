/**
 * A search box with results while typing, for panels (the network view's sidebar embeds it): an ARIA combobox whose
 * listbox opens under it while it has focus and text. Enter or a click opens the record (by default in the network
 * view; `onOpen` overrides).
 */
import { useCallback, useId, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/search/searchTypes';
import { useI18n } from '../i18n';
import { openRecord } from '../state/appStore';
import { SearchResults, optionId } from './SearchResults';
import { useSearchCombobox } from './useSearchCombobox';
import './search.css';

export function SearchBox({ onOpen, autoFocus }: { onOpen?: (id: string) => void; autoFocus?: boolean }) {
  const { t } = useI18n();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [expanded, setExpanded] = useState(false);
  const open = useCallback(
    (result: SearchResult) => {
      setExpanded(false);
      (onOpen ?? openRecord)(result.id);
    },
    [onOpen],
  );
  const box = useSearchCombobox({
    limit: 20,
    onOpen: open,
    onEscape: () => {
      if (expanded && box.text) setExpanded(false);
      else {
        box.setText('');
        input.current?.blur();
      }
    },
  });
  const showing = expanded && box.text.trim() !== '';
  return (
    <div className="search-box" data-testid="search-box">
      <input
        ref={input}
        type="search"
        className="search-box__input"
        role="combobox"
        aria-label={t('search.input.label')}
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showing && box.ordered.length > 0 ? optionId(listId, box.active) : undefined}
        placeholder={t('search.input.placeholder')}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        value={box.text}
        onChange={(event) => {
          box.setText(event.target.value);
          setExpanded(true);
        }}
        onFocus={() => setExpanded(true)}
        onBlur={() => setExpanded(false)}
        onKeyDown={(event) => {
          if (!showing && event.key === 'ArrowDown') setExpanded(true);
          box.onKeyDown(event);
        }}
      />
      {showing && (
        <div className="search-box__popover">
          <SearchResults
            listId={listId}
            state={box.state}
            groups={box.groups}
            active={box.active}
            onHover={box.setActive}
            onPick={open}
          />
        </div>
      )}
    </div>
  );
}

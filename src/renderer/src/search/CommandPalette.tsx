/**
 * The command palette: Ctrl+K (Cmd+K on a Mac) anywhere opens a search over every record; results come while
 * typing, grouped by kind with the matched characters marked; ↑ ↓ and Enter open a record in the network view; Esc,
 * Ctrl+K again or a click outside closes it and gives the focus back to where it was.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/search/searchTypes';
import { useI18n } from '../i18n';
import { openRecord } from '../state/appStore';
import { SearchResults, optionId } from './SearchResults';
import { warmSearch } from './useSearch';
import { useSearchCombobox } from './useSearchCombobox';
import './search.css';

/** Whether a key event is the palette's shortcut. */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const close = useCallback(() => {
    setOpen(false);
    returnFocus.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      setOpen((wasOpen) => {
        if (!wasOpen) {
          returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          warmSearch();
        }
        return !wasOpen;
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return open ? <PaletteDialog onClose={close} /> : null;
}

function PaletteDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const listId = useId();
  const titleId = useId();
  const open = useCallback(
    (result: SearchResult) => {
      onClose();
      openRecord(result.id);
    },
    [onClose],
  );
  const box = useSearchCombobox({ limit: 30, onOpen: open, onEscape: onClose });
  const showing = box.text.trim() !== '';
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="command-palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <h2 id={titleId} className="palette__title">
          {t('search.palette.label')}
          <kbd className="palette__shortcut">{t('search.palette.shortcut')}</kbd>
        </h2>
        <input
          type="search"
          className="palette__input"
          role="combobox"
          aria-label={t('search.input.label')}
          aria-expanded={showing}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showing && box.ordered.length > 0 ? optionId(listId, box.active) : undefined}
          placeholder={t('search.input.placeholder')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          data-testid="palette-input"
          value={box.text}
          onChange={(event) => box.setText(event.target.value)}
          onKeyDown={(event) => {
            // The dialog holds only this field: Tab would walk out of a modal.
            if (event.key === 'Tab') event.preventDefault();
            box.onKeyDown(event);
          }}
        />
        {showing ? (
          <SearchResults
            listId={listId}
            state={box.state}
            groups={box.groups}
            active={box.active}
            onHover={box.setActive}
            onPick={open}
          />
        ) : (
          <p className="palette__empty">{t('search.empty')}</p>
        )}
        <p className="palette__hint" aria-hidden="true">
          {t('search.palette.hint')}
        </p>
      </div>
    </div>
  );
}

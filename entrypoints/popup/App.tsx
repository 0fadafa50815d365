// The toolbar popup: search every summary, paper and background concept as you type; open a
// result in place. Keyboard: ArrowUp/ArrowDown move, Enter opens, Escape goes back / clears.
// Empty box: recently viewed papers and papers with your notes.
import { CorpusProgressLine } from '@/components/status/CorpusProgressLine';
import { SiteAccessNotice } from '@/components/status/SiteAccessNotice';
import { lazy, memo, Suspense, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/client';
import type { SearchEngine, SearchFilters, SearchResponse } from '@/utils/search/engine';
import type { RecentView } from '@/utils/search/recent';
import type { NoteListItem } from '@/utils/notes/types';
import { useTheme } from '@/components/hooks/use-theme';
import { useSettings } from '@/components/hooks/use-settings';
import { FiltersBar, NO_FILTERS, type PopupFilters } from './FiltersBar';
import { paperPageUrl } from './paper-page';
import { Highlighted } from './Highlighted';
import { hitItem, noteItems, recentItems, type OpenTarget, type PopupItem } from './items';
// Loaded when a result is opened: the summary view, notes editor and KaTeX styles stay out of
// the script the popup needs before its first results.
const OpenedSummary = lazy(() => import('./OpenedSummary').then((m) => ({ default: m.OpenedSummary })));
const OpenedConcept = lazy(() => import('./OpenedConcept').then((m) => ({ default: m.OpenedConcept })));
import { useSearchEngine } from './use-search-engine';
import { ShortcutFooter } from './ShortcutFooter';
import './search.css';
import { benchMark, benchMarked } from '@/utils/bench-mark';

const RESULT_LIMIT = 30;

interface NotedPapers {
  items: NoteListItem[];
  /** Summaries whose paper has a note (the background resolves every note's key to its summary). */
  summaryIds: Set<string>;
}

function useNotedPapers(): NotedPapers | null {
  const [noted, setNoted] = useState<NotedPapers | null>(null);
  useEffect(() => {
    let live = true;
    sendMessage('listNotes', { sort: 'updated' }).then(
      ({ notes }) =>
        live &&
        setNoted({ items: notes, summaryIds: new Set(notes.flatMap((n) => (n.summaryId ? [n.summaryId] : []))) }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return noted;
}

function useRecent(): RecentView[] {
  const [recent, setRecent] = useState<RecentView[]>([]);
  useEffect(() => {
    let live = true;
    sendMessage('listRecent', { limit: 8 }).then(({ recent }) => live && setRecent(recent), () => {});
    return () => {
      live = false;
    };
  }, []);
  return recent;
}

function engineFilters(filters: PopupFilters, noted: NotedPapers | null): SearchFilters {
  return {
    kind: filters.withNotes ? 'summaries' : filters.kind === 'all' ? 'all' : filters.kind,
    yearFrom: filters.yearFrom,
    yearTo: filters.yearTo,
    accept: filters.withNotes
      ? (doc) => !!noted && doc.kind === 'summary' && noted.summaryIds.has(doc.id.slice(2))
      : undefined,
  };
}

/**
 * Results for what was typed. Imported packs answer asynchronously (read where they are stored):
 * a response is shown only if it is still for the latest query, and a newer keystroke stops the
 * work of an older one, so a slow query never overwrites or delays a newer one.
 */
function useSearchResponse(engine: SearchEngine | null, version: number, typed: string, filters: PopupFilters, noted: NotedPapers | null): SearchResponse | null {
  const [response, setResponse] = useState<SearchResponse | null>(null);
  // The noted papers matter only to the "with notes" filter: their arrival does not search again.
  const notedForFilter = filters.withNotes ? noted : null;
  useEffect(() => {
    if (!engine || !typed.trim()) {
      setResponse(null);
      return;
    }
    const stop = new AbortController();
    const request = { limit: RESULT_LIMIT, partial: !/\s$/.test(typed), filters: engineFilters(filters, notedForFilter), signal: stop.signal };
    // Only the shipped corpus: answered at once. With stored packs, the previous results stay
    // until the new ones are read (no flash of a partial list while typing).
    if (!engine.hasStored) setResponse(engine.search(typed, request));
    else
      engine.searchAll(typed, request).then(
        (all) => !stop.signal.aborted && setResponse(all),
        () => !stop.signal.aborted && setResponse(engine.search(typed, request)),
      );
    return () => stop.abort();
  }, [engine, version, typed, filters, notedForFilter]);
  return response;
}

/** Result items keep their identity while the same hit stays (a memoized row then skips its render). */
function useStableItems(hits: SearchResponse['hits'] | null): PopupItem[] | null {
  const byKey = useRef(new Map<string, PopupItem>());
  return useMemo(() => {
    if (!hits) return null;
    const next = new Map<string, PopupItem>();
    const items = hits.map((hit) => {
      // The same document with the same words marked shows the same title, meta and snippet.
      const key = `${hit.packId}|${hit.doc.id}|${[...hit.highlight].sort().join(' ')}`;
      const item = byKey.current.get(key) ?? hitItem(hit);
      next.set(key, item);
      return item;
    });
    byKey.current = next;
    return items;
  }, [hits]);
}

interface RowProps {
  item: PopupItem;
  index: number;
  active: boolean;
  id: string;
  onHover: (index: number) => void;
  onOpen: (target: OpenTarget) => void;
}

/** One result row: re-rendered only when its item or its active state changes. */
const ResultRow = memo(function ResultRow({ item, index, active, id, onHover, onOpen }: RowProps) {
  return (
    <li className="sl-result-wrap" role="presentation">
      {item.section && (
        <div className="sl-section-title" role="presentation">
          {item.section}
        </div>
      )}
      <div
        id={id}
        role="option"
        aria-selected={active}
        className={active ? 'sl-result sl-result-active' : 'sl-result'}
        data-testid="result"
        data-kind={item.kind}
        onMouseMove={() => !active && onHover(index)}
        onClick={() => onOpen(item.target)}
      >
        <div className="sl-result-title">
          {item.kind === 'concept' && <span className="sl-badge">Concept</span>}
          <Highlighted parts={item.title} />
        </div>
        {item.meta.length > 0 && (
          <div className="sl-result-meta">
            <Highlighted parts={item.meta} />
          </div>
        )}
        {item.snippet.length > 0 && (
          <div className="sl-result-snippet">
            <Highlighted parts={item.snippet} />
          </div>
        )}
      </div>
    </li>
  );
});

export function SearchPopup() {
  const theme = useTheme(useSettings().theme);
  const { engine, version, error, missing } = useSearchEngine();
  const noted = useNotedPapers();
  const recent = useRecent();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<PopupFilters>(NO_FILTERS);
  const [opened, setOpened] = useState<OpenTarget | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  // Searched as typed: a stored pack's query is asynchronous and a newer keystroke stops an older
  // one, so nothing here waits for a deferred render.
  const response = useSearchResponse(engine, version, query, filters, noted);
  const searching = !!query.trim();
  const hitItems = useStableItems(response?.hits ?? null);

  const items: PopupItem[] = useMemo(() => {
    if (hitItems) return hitItems;
    if (searching) return [];
    const notes = noted ? noteItems(noted.items.slice(0, 8)) : [];
    return [...recentItems(recent), ...notes];
  }, [hitItems, searching, recent, noted]);

  // The active row belongs to one result list: new results start at the first row, in the same
  // render (no second render per keystroke).
  const [selection, setSelection] = useState<{ items: PopupItem[]; index: number }>({ items: [], index: 0 });
  const active = selection.items === items ? selection.index : 0;
  const setActive = useCallback(
    (next: number | ((current: number) => number)) =>
      setSelection((s) => {
        const current = s.items === items ? s.index : 0;
        return { items, index: typeof next === 'function' ? next(current) : next };
      }),
    [items],
  );
  // Scrolled after paint, and only when the user moved the selection: scrolling in the render
  // path forced a layout on every keystroke.
  useEffect(() => {
    if (selection.items.length) document.getElementById(`${listId}-${selection.index}`)?.scrollIntoView({ block: 'nearest' });
  }, [selection, listId]);

  // Popup open to first results, for the benchmark (bench/popup.ts reads this mark).
  useEffect(() => {
    if (response?.hits.length && !benchMarked('sl-first-results')) benchMark('sl-first-results');
  }, [response]);

  const open = useCallback((target: OpenTarget) => {
    if (target.type === 'url') {
      void browser.tabs.create({ url: target.url });
      return;
    }
    setOpened(target);
  }, []);

  // Back from a result: the box (and what was typed) is where the user left it.
  useLayoutEffect(() => {
    if (!opened) input.current?.focus();
  }, [opened]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length));
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (item) {
        e.preventDefault();
        open(item.target);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault(); // clears the box instead of closing the popup
      setQuery('');
    }
  };

  // Escape in an opened result goes back to the list.
  useEffect(() => {
    if (!opened) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Escape while writing a note belongs to the editor, not to navigation.
      if (e.target instanceof Element && e.target.closest('textarea, input, [contenteditable="true"]')) return;
      e.preventDefault();
      setOpened(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened]);

  const activeId = items[active] ? `${listId}-${active}` : undefined;
  // A pasted id or URL of a paper without a summary can still be opened where it lives.
  const idPage = response?.query.kind === 'id' ? paperPageUrl(response.query) : null;

  return (
    <main className="sl-root sl-popup" data-theme={theme}>
      {opened ? (
        <>
          <header className="sl-popup-header">
            <button type="button" className="sl-button sl-back" onClick={() => setOpened(null)} aria-label="Back to results" data-testid="back" autoFocus>
              ← Back
            </button>
            <span className="sl-popup-brand">Summary Lens</span>
          </header>
          <div className="sl-popup-body">
            <Suspense fallback={<p className="sl-muted">Loading…</p>}>
              {opened.type === 'summary' ? <OpenedSummary summaryId={opened.summaryId} /> : opened.type === 'concept' ? <OpenedConcept conceptId={opened.conceptId} /> : null}
            </Suspense>
          </div>
        </>
      ) : (
        <>
          <header className="sl-popup-header sl-search-header">
            <input
              ref={input}
              className="sl-search-input"
              type="search"
              autoFocus
              placeholder="Search titles, authors, methods, arXiv ids, concepts…"
              aria-label="Search summaries and concepts"
              role="combobox"
              aria-expanded={items.length > 0}
              aria-controls={listId}
              aria-activedescendant={activeId}
              aria-autocomplete="list"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              data-testid="search-input"
            />
          </header>
          <FiltersBar value={filters} onChange={setFilters} notesAvailable={noted !== null} />
          <CorpusProgressLine />
          <SiteAccessNotice />
          <div className="sl-popup-body">
            {error && (
              <p role="alert" className="sl-error">
                {error}
              </p>
            )}
            {!engine && !error && searching && (
              <p className="sl-muted" role="status">
                Loading the search index…
              </p>
            )}
            {response?.corrections.length ? (
              <p className="sl-muted sl-corrections" data-testid="corrections">
                Also searched: {response.corrections.map((c) => `${c.to.join(', ')} (for “${c.from}”)`).join('; ')}
              </p>
            ) : null}
            {searching && engine && items.length === 0 && (
              <div role="status" data-testid="no-results">
                <p className="sl-muted">{idPage ? 'No summary for this paper yet.' : 'Nothing found. Try fewer or other words.'}</p>
                {idPage && (
                  <button type="button" className="sl-button" onClick={() => open({ type: 'url', url: idPage })}>
                    Open the paper's page
                  </button>
                )}
              </div>
            )}
            {!searching && items.length === 0 && (
              <p className="sl-muted" data-testid="empty-state">
                Papers you view on arXiv or OpenReview, and papers you write notes on, show here.
              </p>
            )}
            <ul id={listId} className="sl-results" role="listbox" aria-label={searching ? 'Search results' : 'Recent papers and notes'} data-testid="results">
              {/* Keyed by position: new results update the rows in place instead of replacing them. */}
              {items.map((item, i) => (
                <ResultRow key={i} item={item} index={i} active={i === active} id={`${listId}-${i}`} onHover={setActive} onOpen={open} />
              ))}
            </ul>
            {missing.length > 0 && <p className="sl-muted">Not searchable right now: {missing.join(', ')}.</p>}
          </div>
        </>
      )}
      <ShortcutFooter />
    </main>
  );
}

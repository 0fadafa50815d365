// The summary panel shown beside a paper (in a closed shadow root, see entrypoints/content).
// Compact by default, so the paper's own abstract stays on the first screen: one header line
// (brand, the matched paper's title, collapse, dismiss), the summary's opening sentences with
// "Read full summary" (expands in place: the full card and related papers), and notes as one
// line that opens the editor. Collapsing and expanding are remembered for every paper.
// The notes sit in an extension-origin frame (./NotesFrame.tsx): the page cannot search them,
// and the panel itself never holds note text (at most whether a note exists).
// No summary: one line that still opens the notes. Dismissible per paper, with an undo.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SummaryView } from '@/utils/messaging/client';
import type { Settings } from '@/utils/settings';
import { sendMessage } from '@/utils/messaging/client';
import { NotesFrame } from './NotesFrame';
import { RelatedList } from '@/components/related/RelatedList';
import { formatAuthors, SummaryCard, SummarySource } from '@/components/panel/SummaryCard';
import { SafeHtml } from '@/components/panel/SafeHtml';
import { previewHtml } from '@/utils/render/preview';
import { panelExpandedItem, PREVIEW_CHARS } from './panel-view';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import type { PageThemeReader, Theme } from '@/utils/theme';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; paperKey: string | null; summary: SummaryView | null; hasNote?: boolean };

export interface PanelProps {
  state: PanelState;
  /** The title the page shows: stored with notes on papers that have no summary. */
  pageTitle: string | null;
  /** Settings read before mounting, so the first paint is already right. */
  initialSettings: Settings;
  /** Whether the last panel was showing a summary in full (read before mounting, like the settings). */
  initialExpanded?: boolean;
  /** 'column': a narrow side column (arXiv's right column); 'wide': in the text flow. */
  layout: 'column' | 'wide';
  readPageTheme?: PageThemeReader;
  /** Side margins (px) lining the panel up with the page's text. */
  inset?: { left: number; right: number };
  /** The panel has nothing left to show (dismissed and the undo window passed). */
  onGone?: () => void;
}

/** How long "Hidden for this paper · Undo" stays before the panel goes away. */
export const UNDO_MS = 8000;

export function Panel({ state, pageTitle, initialSettings, initialExpanded = false, layout, readPageTheme, inset, onGone }: PanelProps) {
  const settings = useSettings(initialSettings);
  const theme = useTheme(settings.theme, readPageTheme);
  const [dismissed, setDismissed] = useState(false);
  // Collapsing answers at once; the setting (shared by every tab) follows.
  const [collapsed, setCollapsed] = useState(initialSettings.panelCollapsed);
  // While this panel's own writes land, their echoes are ignored: two quick toggles would
  // otherwise flip the panel back for a moment when the first write's change event arrives.
  const ownWrites = useRef(0);
  useEffect(() => {
    if (ownWrites.current === 0) setCollapsed(settings.panelCollapsed);
  }, [settings.panelCollapsed]);
  const toggleCollapsed = () => {
    setCollapsed(!collapsed);
    ownWrites.current++;
    void sendMessage('setPanelCollapsed', { collapsed: !collapsed })
      .catch(() => undefined)
      .finally(() => void ownWrites.current--);
  };
  const [expanded, setExpanded] = useState(initialExpanded);
  const toggleExpanded = (next: boolean) => {
    setExpanded(next);
    void panelExpandedItem.setValue(next);
  };
  const paperKey = state.kind === 'ready' ? state.paperKey : null;

  useEffect(() => {
    if (!dismissed) return;
    const timer = setTimeout(() => onGone?.(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [dismissed, onGone]);

  const dismiss = () => {
    setDismissed(true);
    if (paperKey) void sendMessage('setDismissed', { paperKey, dismissed: true }).catch(() => undefined);
  };
  const undo = () => {
    setDismissed(false);
    if (paperKey) void sendMessage('setDismissed', { paperKey, dismissed: false }).catch(() => undefined);
  };

  const rootProps: RootProps = {
    className: `sl-root sl-panel sl-layout-${layout}`,
    'data-theme': theme,
    style: inset ? { marginLeft: inset.left, marginRight: inset.right } : undefined,
  };

  if (dismissed) {
    return (
      <section {...rootProps} className={`${rootProps.className} sl-compact`} aria-label="Summary Lens">
        <div className="sl-bar">
          <BarLabel>
            <span className="sl-bar-text" role="status">
              Hidden for this paper
            </span>
          </BarLabel>
          <UndoButton onClick={undo} />
        </div>
      </section>
    );
  }

  if (state.kind === 'loading' || state.kind === 'error') {
    return (
      <section {...rootProps} className={`${rootProps.className} sl-compact`} aria-label="Summary Lens" aria-busy={state.kind === 'loading'}>
        <div className="sl-bar">
          <BarLabel>
            {state.kind === 'loading' ? (
              <span className="sl-bar-text sl-muted">Looking up this paper…</span>
            ) : (
              <span className="sl-bar-text sl-error" role="alert">
                {state.message}
              </span>
            )}
          </BarLabel>
        </div>
      </section>
    );
  }

  if (!state.summary) {
    return (
      <NoSummary rootProps={rootProps} theme={theme} paperKey={paperKey} hasNote={state.hasNote ?? false} pageTitle={pageTitle} onDismiss={dismiss} />
    );
  }

  return (
    <FullPanel
      rootProps={rootProps}
      theme={theme}
      summary={state.summary}
      paperKey={paperKey}
      hasNote={state.hasNote}
      previewChars={PREVIEW_CHARS[layout]}
      collapsed={collapsed}
      onToggle={toggleCollapsed}
      expanded={expanded}
      onExpand={toggleExpanded}
      autoLoadImages={settings.autoLoadImages}
      onDismiss={dismiss}
    />
  );
}

interface RootProps {
  className: string;
  'data-theme': string;
  style?: { marginLeft: number; marginRight: number };
}

function FullPanel(props: {
  rootProps: RootProps;
  theme: Theme;
  summary: SummaryView;
  paperKey: string | null;
  hasNote: boolean | undefined;
  previewChars: number;
  collapsed: boolean;
  onToggle: () => void;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
  autoLoadImages: boolean;
  onDismiss: () => void;
}) {
  const { rootProps, theme, summary, paperKey, hasNote, previewChars, collapsed, onToggle, expanded, onExpand, autoLoadImages, onDismiss } = props;
  const bodyId = useId();
  const title = summary.paper.title ?? 'Untitled paper';
  const authors = formatAuthors(summary.paper.authors);
  const preview = useMemo(() => previewHtml(summary.html, previewChars), [summary.html, previewChars]);
  const full = expanded || preview.complete;
  // After "Read full summary" the reader goes on where the opening stopped: focus moves to the full text.
  const fullRef = useRef<HTMLDivElement>(null);
  const focusFull = useRef(false);
  useEffect(() => {
    if (full && focusFull.current) fullRef.current?.focus();
    focusFull.current = false;
  }, [full]);
  return (
    <section {...rootProps} className={`${rootProps.className}${collapsed ? ' sl-collapsed' : ''}${full ? ' sl-full' : ' sl-preview'}`} aria-label="Summary Lens">
      <div className="sl-bar">
        <BarLabel>
          <h3 className="sl-bar-text sl-bar-title" title={authors ? `${title} — ${authors}` : title}>
            {title}
          </h3>
        </BarLabel>
        <button
          type="button"
          className="sl-icon-button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={collapsed ? 'Show summary' : 'Collapse summary'}
          title={collapsed ? 'Show summary' : 'Collapse summary'}
          onClick={onToggle}
        >
          <Chevron up={!collapsed} />
        </button>
        <DismissButton onClick={onDismiss} />
      </div>
      <div id={bodyId} className="sl-content" hidden={collapsed}>
        {!collapsed &&
          (full ? (
            <>
              <div ref={fullRef} tabIndex={-1} className="sl-full-text">
                <SummaryCard summary={summary} autoLoadImages={autoLoadImages} headingLevel={3} hideTitle />
              </div>
              {!preview.complete && (
                <button type="button" className="sl-link-button sl-read-less" aria-expanded onClick={() => onExpand(false)}>
                  Show less
                </button>
              )}
              <NotesLine paperKey={paperKey} hasNote={hasNote} title={summary.paper.title} theme={theme} />
              <RelatedList summary={summary} context="panel" />
            </>
          ) : (
            <>
              <article className="sl-summary" aria-label="Summary (opening)">
                <SafeHtml className="sl-summary-body" html={preview.html} autoLoadImages={autoLoadImages} />
                <p className="sl-preview-more">
                  <button
                    type="button"
                    className="sl-link-button sl-read-full"
                    aria-expanded={false}
                    onClick={() => {
                      focusFull.current = true;
                      onExpand(true);
                    }}
                  >
                    Read full summary
                  </button>
                  <span className="sl-muted">
                    from <SummarySource sources={summary.sources} />
                  </span>
                </p>
              </article>
              <NotesLine paperKey={paperKey} hasNote={hasNote} title={summary.paper.title} theme={theme} />
            </>
          ))}
      </div>
    </section>
  );
}

/**
 * Notes in one line: "Add a note", or "Open your note" when the background says one exists
 * (it never sends the text), opening the editor frame below it.
 */
function NotesLine({ paperKey, hasNote, title, theme }: { paperKey: string | null; hasNote: boolean | undefined; title: string | null; theme: Theme }) {
  const [open, setOpen] = useState(false);
  const notesId = useId();
  if (!paperKey) return null;
  const label = hasNote === undefined ? 'Notes' : hasNote ? 'Open your note' : 'Add a note';
  return (
    <div className="sl-notes-line">
      <button type="button" className="sl-link-button sl-notes-toggle" aria-expanded={open} aria-controls={notesId} onClick={() => setOpen((o) => !o)}>
        <NoteIcon />
        {open ? 'Close notes' : label}
      </button>
      <div id={notesId} hidden={!open}>
        {open && (
          <section className="sl-section sl-notes" aria-label="Your notes">
            <NotesFrame paperKey={paperKey} title={title} theme={theme} />
          </section>
        )}
      </div>
    </div>
  );
}

function NoteIcon() {
  return (
    <svg className="sl-note-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3.5 2.5h6l3 3v8h-9z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      <path d="M5.5 8h5M5.5 10.5h3.5" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
    </svg>
  );
}

function NoSummary(props: { rootProps: RootProps; theme: Theme; paperKey: string | null; hasNote: boolean; pageTitle: string | null; onDismiss: () => void }) {
  const { rootProps, theme, paperKey, hasNote, pageTitle, onDismiss } = props;
  // A paper the user already has a note on opens it (the panel knows only that there is one).
  const [notesOpen, setNotesOpen] = useState(hasNote);
  const notesId = useId();
  return (
    <section {...rootProps} className={`${rootProps.className} sl-compact`} aria-label="Summary Lens">
      <div className="sl-bar">
        <BarLabel>
          <span className="sl-bar-text sl-muted">No summary yet</span>
        </BarLabel>
        {paperKey && (
          <button
            type="button"
            className="sl-text-button"
            aria-expanded={notesOpen}
            aria-controls={notesId}
            data-has-note={hasNote || undefined}
            onClick={() => setNotesOpen((open) => !open)}
          >
            {hasNote ? 'Your note' : 'Notes'} <Chevron up={notesOpen} />
          </button>
        )}
        <DismissButton onClick={onDismiss} />
      </div>
      {paperKey && (
        <div id={notesId} className="sl-content" hidden={!notesOpen}>
          {notesOpen && (
            <section className="sl-section sl-notes" aria-label="Your notes">
              <NotesFrame paperKey={paperKey} title={pageTitle} theme={theme} />
            </section>
          )}
        </div>
      )}
    </section>
  );
}

/** The brand and a short status; beside each other, or stacked in a narrow column. */
function BarLabel({ children }: { children?: ReactNode }) {
  return (
    <div className="sl-bar-label">
      <Brand />
      {children}
    </div>
  );
}

function Brand() {
  return (
    <h2 className="sl-brand">
      <svg className="sl-logo" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M10 10l4.2 4.2" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        <path d="M4.4 5.4h4.2M4.4 7.6h3" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
      </svg>
      Summary Lens
    </h2>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="sl-icon-button" aria-label="Hide for this paper" title="Hide for this paper" onClick={onClick}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}

function UndoButton({ onClick }: { onClick: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Focus follows the action: the dismiss button is gone, its undo takes its place.
  useEffect(() => ref.current?.focus(), []);
  return (
    <button ref={ref} type="button" className="sl-text-button" onClick={onClick}>
      Undo
    </button>
  );
}

function Chevron({ up }: { up: boolean }) {
  return (
    <svg className="sl-chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={up ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

// The summary panel shown beside a paper (in a closed shadow root, see entrypoints/content).
// Full state: summary card + notes + related papers, collapsible (remembered for every paper).
// The notes sit in an extension-origin frame (./NotesFrame.tsx): the page cannot search them.
// No summary: one line that still opens the notes. Dismissible per paper, with an undo.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SummaryView } from '@/utils/messaging/client';
import type { Settings } from '@/utils/settings';
import { sendMessage } from '@/utils/messaging/client';
import { NotesFrame } from './NotesFrame';
import { RelatedList } from '@/components/related/RelatedList';
import { SummaryCard } from '@/components/panel/SummaryCard';
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

export function Panel({ state, pageTitle, initialSettings, layout, readPageTheme, inset, onGone }: PanelProps) {
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
      collapsed={collapsed}
      onToggle={toggleCollapsed}
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
  collapsed: boolean;
  onToggle: () => void;
  autoLoadImages: boolean;
  onDismiss: () => void;
}) {
  const { rootProps, theme, summary, paperKey, collapsed, onToggle, autoLoadImages, onDismiss } = props;
  const bodyId = useId();
  const title = summary.paper.title ?? 'Untitled paper';
  return (
    <section {...rootProps} className={`${rootProps.className}${collapsed ? ' sl-collapsed' : ''}`} aria-label="Summary Lens">
      <div className="sl-bar">
        <BarLabel>
          {collapsed && (
            <span className="sl-bar-text sl-bar-title" title={title}>
              {title}
            </span>
          )}
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
        {!collapsed && (
          <>
            <SummaryCard summary={summary} autoLoadImages={autoLoadImages} headingLevel={3} scrollable />
            {paperKey && (
              <section className="sl-section sl-notes" aria-label="Your notes">
                <NotesFrame paperKey={paperKey} title={summary.paper.title} theme={theme} />
              </section>
            )}
            <RelatedList summary={summary} context="panel" />
          </>
        )}
      </div>
    </section>
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

// The listing badges (loaded on demand, see ../ui-api.ts): a small "Summary" badge on every
// listed paper that has one (with a mark where the user has a note: a flag only, never its
// text; a paper with only a note gets the mark alone); clicking it unfolds the summary under the entry. Every badge and
// every unfolded summary lives in its own closed shadow root, so the page's CSS cannot restyle
// them and page scripts cannot read them.
import { useState } from 'react';
import ReactDOM from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { sendMessage, type SummaryView } from '@/utils/messaging/client';
import { SummaryCard } from '@/components/panel/SummaryCard';
import { hasMath, katexShadowCss, watchKatexFonts } from '@/components/katex';
import { useTheme } from '@/components/hooks/use-theme';
import { useSettings } from '@/components/hooks/use-settings';
import type { BadgeSpot, ContentUi, ListedHit } from '../ui-api';
import { PANEL_CSS } from './styles';

// Each UI's shadow root also receives the panel's stylesheet (panel.css makes every
// :host a block): `:host(tag)` outranks that plain `:host` rule whatever the order.
const BADGE_TAG = 'summary-lens-badge';
const EXPANDED_TAG = 'summary-lens-listing-summary';
const BADGE_CSS = `
  :host(${BADGE_TAG}) { display: inline-block !important; vertical-align: baseline; }
  .sl-listing-badge { font: 600 11px/1.2 system-ui, sans-serif; color: #fff; background: #1a7f37; border: 1px solid #1a7f37;
    border-radius: 999px; padding: 2px 8px; margin: 0 4px 0 6px; cursor: pointer; vertical-align: baseline; }
  .sl-listing-badge:hover { background: #116329; }
  .sl-listing-badge[aria-expanded="true"] { background: #0f4d22; border-color: #0f4d22; }
  .sl-listing-badge:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
  .sl-listing-badge-arrow { display: inline-block; margin-inline-start: 4px; transition: transform .15s; }
  .sl-listing-badge[aria-expanded="true"] .sl-listing-badge-arrow { transform: rotate(90deg); }
  .sl-listing-note { font: 600 11px/1.2 system-ui, sans-serif; color: #6e4a00; background: #fff4d6; border: 1px solid #e6c36a;
    border-radius: 999px; padding: 1px 6px; margin: 0 4px 0 2px; vertical-align: baseline; }
`;
const EXPANDED_CSS = `
  :host(${EXPANDED_TAG}) { display: block !important; }
  .sl-listing-summary { margin: 8px 0 12px; max-width: 60em; padding: 10px 14px; border: 1px solid var(--sl-border);
    border-radius: 10px; background: var(--sl-bg); font: 14px/1.5 system-ui, sans-serif; }
`;

const NoteMark = () => (
  <span className="sl-listing-note" data-testid="listing-note-mark" title="You have a note on this paper (Summary Lens)" aria-label="You have a note on this paper">
    ✎
  </span>
);

function Badge({ title, hasNote, onToggle }: { title: string | null; hasNote: boolean; onToggle: (open: boolean) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="sl-listing-badge"
        aria-expanded={open}
        aria-busy={busy}
        // Starts with the visible text; aria-expanded tells whether it is shown.
        aria-label={`Summary${title ? ` of “${title}”` : ''} (Summary Lens)`}
        title={open ? 'Hide the summary' : 'Show the summary under this entry'}
        onClick={() => {
          setOpen(!open);
          setBusy(true);
          void onToggle(!open).finally(() => setBusy(false));
        }}
      >
        Summary<span className="sl-listing-badge-arrow" aria-hidden="true">▸</span>
      </button>
      {hasNote && <NoteMark />}
    </>
  );
}

function ExpandedSummary({ summary, error }: { summary: SummaryView | null; error: string | null }) {
  const settings = useSettings();
  const theme = useTheme(settings.theme);
  return (
    <section className="sl-root sl-listing-summary" data-theme={theme} aria-label="Summary Lens summary">
      {error && (
        <p role="alert" className="sl-error">
          {error}
        </p>
      )}
      {summary && <SummaryCard summary={summary} headingLevel={3} scrollable />}
    </section>
  );
}

/** Badges one listed paper; its summary is fetched and mounted on the first click only. */
async function mountBadge(ctx: ContentScriptContext, signal: AbortSignal, paper: BadgeSpot, hit: ListedHit) {
  let expanded: Promise<ShadowRootContentScriptUi<ReactDOM.Root> | null> | null = null;
  const summaryId = hit.summaryId;

  async function createExpanded(summaryId: string): Promise<ShadowRootContentScriptUi<ReactDOM.Root> | null> {
    let summary: SummaryView | null = null;
    let error: string | null = null;
    try {
      summary = await sendMessage('getSummary', { id: summaryId });
      if (!summary) error = 'This summary is no longer in the database.';
    } catch (e) {
      error = `Could not load the summary: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (signal.aborted) return null;
    return createShadowRootUi<ReactDOM.Root>(ctx, {
      name: EXPANDED_TAG,
      mode: 'closed',
      position: 'inline',
      anchor: paper.item,
      append: 'last',
      // KaTeX's rules and fonts only when the summary has math.
      css: PANEL_CSS + EXPANDED_CSS + (summary && hasMath(summary.html) ? katexShadowCss() : ''),
      onMount(container, shadow) {
        const root = ReactDOM.createRoot(container);
        root.render(<ExpandedSummary summary={summary} error={error} />);
        if (summary && hasMath(summary.html)) watchKatexFonts(shadow, signal);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
  }

  async function toggle(open: boolean) {
    if (!summaryId) return;
    if (!open) return (await expanded)?.remove();
    expanded ??= createExpanded(summaryId);
    const ui = await expanded;
    if (ui && !signal.aborted) ui.mount();
  }

  const badge = await createShadowRootUi<ReactDOM.Root>(ctx, {
    name: BADGE_TAG,
    mode: 'closed',
    position: 'inline',
    anchor: paper.anchor,
    // Right after the paper's link. (WXT's append: 'after' inserts before the next *element*, which
    // would put the badge after the "[" text that opens the [pdf, other] links.)
    append: (anchor, host) => anchor.after(host),
    css: PANEL_CSS + BADGE_CSS,
    onMount(container) {
      const root = ReactDOM.createRoot(container);
      root.render(summaryId ? <Badge title={hit.title} hasNote={Boolean(hit.hasNote)} onToggle={toggle} /> : <NoteMark />);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  if (signal.aborted) return;
  badge.mount();
  signal.addEventListener(
    'abort',
    () => {
      badge.remove();
      void expanded?.then((ui) => ui?.remove());
    },
    { once: true },
  );
}

export async function showListingBadges(ctx: ContentScriptContext, ...[signal, entries]: Parameters<ContentUi['showListingBadges']>): Promise<void> {
  await Promise.all(entries.map(({ paper, hit }) => mountBadge(ctx, signal, paper, hit)));
}

// Shared by the page features: looks the paper up, then mounts the panel in a CLOSED shadow root
// at the place the feature chose, and removes it (host, React root, document styles) when the
// feature's signal aborts.
import ReactDOM from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { Panel, type PanelState } from './panel/Panel';
import { extensionKatexCss, hasMath } from '@/components/katex';
import type { PageThemeReader } from '@/utils/theme';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import type { PaperRef } from '@/utils/paper-ref';
import { dismissedPapersItem, getSettings, type Settings } from '@/utils/settings';
import { benchMark } from '@/utils/bench-mark';

export const PANEL_TAG = 'summary-lens-panel';

export interface PanelPlacement {
  /** Element the panel is placed relative to. */
  anchor: Element;
  append: 'first' | 'last' | 'before' | 'after';
  layout: 'column' | 'wide';
  /** The theme the page itself shows, when it has one. */
  readPageTheme?: PageThemeReader;
  /** Side margins (px) that line the panel up with the page's own text, measured once mounted. */
  inset?: (host: HTMLElement) => { left: number; right: number };
}

/**
 * A reply this fast is waited for, so the panel appears once, in its final state. A slower one
 * (the background just woke up) gets a one-line "Looking up…" panel first, keeping the panel
 * visible well within the 150 ms quality bar.
 */
const WAIT_FOR_REPLY_MS = 80;

type Lookup = ResponseMap['lookupPaper'];
type Outcome = { reply: Lookup } | { error: string };

export async function mountPanel(ctx: ContentScriptContext, signal: AbortSignal, ref: PaperRef, placement: PanelPlacement): Promise<void> {
  const lookup: Promise<Outcome> = sendMessage('lookupPaper', { ref }).then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error: `Could not look up this paper: ${error instanceof Error ? error.message : String(error)}` }),
  );
  const [first, settings, dismissed] = await Promise.all([
    Promise.race([lookup, new Promise<null>((resolve) => setTimeout(resolve, WAIT_FOR_REPLY_MS, null))]),
    getSettings(),
    dismissedPapersItem.getValue(),
  ]);
  if (signal.aborted) return;

  const wanted = (outcome: Outcome) => 'error' in outcome || wantsPanel(outcome.reply, settings, dismissed);
  if (first && !wanted(first)) return;

  let state: PanelState = first ? toState(first) : { kind: 'loading' };
  let root: ReactDOM.Root | undefined;
  const ui = await createShadowRootUi<ReactDOM.Root>(ctx, {
    name: PANEL_TAG,
    mode: 'closed', // a page script must not read the panel, and above all the user's notes
    position: 'inline',
    anchor: placement.anchor,
    append: placement.append,
    // Typing in the notes must not trigger the page's keyboard shortcuts.
    isolateEvents: true,
    // KaTeX's stylesheet only when there is (or may be) math.
    css: !first || ('reply' in first && hasMath(first.reply.summary?.html ?? '')) ? extensionKatexCss() : undefined,
    onMount(container) {
      root = ReactDOM.createRoot(container);
      render();
      return root;
    },
    onRemove(mounted) {
      mounted?.unmount();
    },
  });
  if (signal.aborted) return;

  function render() {
    root?.render(
      <Panel
        state={state}
        inset={placement.inset?.(ui.shadowHost)}
        pageTitle={ref.title ?? null}
        initialSettings={settings}
        layout={placement.layout}
        readPageTheme={placement.readPageTheme}
        onGone={() => ui.remove()}
      />,
    );
    // The render above is synchronous (layout effects included): bench/panel.ts times "summary shown" from this mark.
    if (state.kind === 'ready') benchMark('summary-lens:panel-ready');
  }

  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
  if (placement.inset) {
    render(); // now that the host has its place, measure the inset
    window.addEventListener('resize', render, { signal }); // the runner aborts `signal` on invalidation too
  }

  if (!first) {
    const outcome = await lookup;
    if (signal.aborted) return;
    if (!wanted(outcome)) return ui.remove();
    state = toState(outcome);
    render();
  }
}

function toState(outcome: Outcome): PanelState {
  return 'error' in outcome ? { kind: 'error', message: outcome.error } : { kind: 'ready', paperKey: outcome.reply.paperKey, summary: outcome.reply.summary };
}

/** No panel for a dismissed paper, nor for a paper without summary when the user turned that state off. */
export function wantsPanel(reply: Lookup, settings: Settings, dismissed: readonly string[]): boolean {
  if (reply.paperKey && dismissed.includes(reply.paperKey)) return false;
  return reply.summary !== null || settings.showNoSummary;
}

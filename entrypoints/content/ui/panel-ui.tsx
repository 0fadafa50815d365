// Draws the panel (loaded on demand, see ../ui-api.ts): a CLOSED shadow root at the place the
// feature chose, removed (host, React root, document styles) when the feature's signal aborts.
import ReactDOM from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { Panel, type PanelState } from '../panel/Panel';
import { hasMath, katexShadowCss, watchKatexFonts } from '@/components/katex';
import { benchMark } from '@/utils/bench-mark';
import { PANEL_TAG } from '../mount-panel';
import { panelExpandedItem } from '../panel/panel-view';
import type { ContentUi, Outcome } from '../ui-api';
import { PANEL_CSS } from './styles';

export async function showPanel(ctx: ContentScriptContext, ...[signal, { ref, placement, settings, first, lookup, wanted }]: Parameters<ContentUi['showPanel']>): Promise<void> {
  let state: PanelState = first ? toState(first) : { kind: 'loading' };
  // Full or compact, as the last panel was: read before the first paint.
  const expanded = await panelExpandedItem.getValue();
  if (signal.aborted) return;
  // KaTeX's rules and fonts only when there is (or may be) math.
  const math = !first || ('reply' in first && hasMath(first.reply.summary?.html ?? ''));
  let root: ReactDOM.Root | undefined;
  const ui = await createShadowRootUi<ReactDOM.Root>(ctx, {
    name: PANEL_TAG,
    mode: 'closed', // a page script must not read the panel, and above all the user's notes
    position: 'inline',
    anchor: placement.anchor,
    append: placement.append,
    // Typing in the notes must not trigger the page's keyboard shortcuts.
    isolateEvents: true,
    css: PANEL_CSS + (math ? katexShadowCss() : ''),
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
        initialExpanded={expanded}
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
  if (math) watchKatexFonts(ui.shadow, signal);
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
  return 'error' in outcome
    ? { kind: 'error', message: outcome.error }
    : { kind: 'ready', paperKey: outcome.reply.paperKey, summary: outcome.reply.summary, hasNote: outcome.reply.hasNote };
}

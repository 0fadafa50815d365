// The panel's stylesheet, bundled as text into each shadow root: nothing to fetch once the
// bundle runs, and no stylesheet of ours is web-accessible. Never in the page itself. (The
// components' own `import './x.css'` still emit a CSS file for this bundle; nothing loads it.)
import summaryCss from '@/components/panel/summary.css?inline';
import relatedCss from '@/components/related/related.css?inline';
import notesFrameCss from '../panel/notes-frame.css?inline';
import panelCss from '../panel.css?inline';

export const PANEL_CSS = [summaryCss, relatedCss, notesFrameCss, panelCss].join('\n');

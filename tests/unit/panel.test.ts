// @vitest-environment jsdom
// The panel's logic outside the browser: where each page type puts it (on the real and built
// fixtures), the KaTeX stylesheet rewrite, load-on-click images, and when a panel is wanted.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { absPlacement } from '@/entrypoints/content/features/arxiv-abs';
import { htmlPlacement } from '@/entrypoints/content/features/arxiv-html';
import { forumPlacement } from '@/entrypoints/content/features/openreview-forum';
import { wantsPanel } from '@/entrypoints/content/mount-panel';
import { hasMath, katexCssFor, katexFaces, katexShadowCss } from '@/components/katex';
import { renderSafeHtml } from '@/components/panel/SafeHtml';
import { formatAuthors } from '@/components/panel/SummaryCard';
import { resolveTheme } from '@/utils/theme';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const page = (file: string, url: string) => {
  const doc = new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, '../fixtures/pages', file), 'utf8'), 'text/html');
  Object.defineProperty(doc, 'baseURI', { value: url });
  return doc;
};

describe('placement', () => {
  it('arXiv abs, current layout ("Access Paper:"): above the abstract, lined up with the text', () => {
    const p = absPlacement(page('panel-arxiv-abs-current-1701.05369.html', 'https://arxiv.org/abs/1701.05369'))!;
    expect(p.anchor.matches('blockquote.abstract')).toBe(true);
    expect([p.append, p.layout, typeof p.inset]).toEqual(['before', 'wide', 'function']);
  });

  it('arXiv abs, 2021 layout ("Download:", real capture): top of the right column', () => {
    for (const file of ['arxiv-abs-2106.09608v2-2021.html', 'panel-arxiv-abs-2021-2001.04451v2.html']) {
      const p = absPlacement(page(file, 'https://arxiv.org/abs/2106.09608'))!;
      expect(p.anchor.className).toBe('extra-services');
      expect([p.append, p.layout]).toEqual(['first', 'column']);
    }
  });

  it('arXiv abs without a body (head-only capture): nowhere', () => {
    expect(absPlacement(page('arxiv-abs-1902.02534v2-head-only-2023.html', 'https://arxiv.org/abs/1902.02534'))).toBeNull();
  });

  it('arXiv HTML: after the authors, following the page theme', () => {
    const doc = page('panel-arxiv-html-1911.05507v1.html', 'https://arxiv.org/html/1911.05507v1');
    const p = htmlPlacement(doc)!;
    expect(p.anchor.className).toBe('ltx_authors');
    expect(p.append).toBe('after');
    doc.querySelector('.ltx_authors')!.remove();
    expect(htmlPlacement(doc)!.anchor.className).toBe('ltx_abstract');
    document.documentElement.setAttribute('data-theme', 'dark');
    expect(p.readPageTheme?.()).toBe('dark');
    document.documentElement.removeAttribute('data-theme');
    expect(p.readPageTheme?.()).toBeNull();
  });

  it('OpenReview legacy and current forums: after the header (title, authors, date line)', () => {
    const legacy = forumPlacement(page('openreview-forum-SylKikSYDH.html', 'https://openreview.net/forum?id=SylKikSYDH'), 'SylKikSYDH')!;
    expect(legacy.anchor.className).toBe('meta_row');
    expect(legacy.anchor.querySelector('.date')).not.toBeNull(); // the last row: date and venue
    const current = forumPlacement(page('openreview-forum-title-only-2110.15349.html', 'https://openreview.net/forum?id=FixtureLin2021'), 'FixtureLin2021')!;
    expect(current.anchor.className).toBe('clearfix mb-1');
    expect(current.append).toBe('after');
  });

  it('OpenReview: not while the page still shows another forum (the app changed the URL first)', () => {
    expect(forumPlacement(page('openreview-forum-SylKikSYDH.html', 'https://openreview.net/forum?id=r1xMH1BtvB'), 'r1xMH1BtvB')).toBeNull();
    expect(forumPlacement(page('openreview-group-iclr2020.html', 'https://openreview.net/forum?id=SylKikSYDH'), 'SylKikSYDH')).toBeNull();
    expect(forumPlacement(page('openreview-challenge.html', 'https://openreview.net/forum?id=SylKikSYDH'), 'SylKikSYDH')).toBeNull();
  });
});

describe('KaTeX stylesheet for a shadow root', () => {
  const base = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/katex-fonts/';
  // The installed KaTeX's own stylesheet (the build imports the same file with ?raw).
  const css = katexCssFor(base, readFileSync(join(import.meta.dirname, '../../node_modules/katex/dist/katex.min.css'), 'utf8'));

  it('points every @font-face at the extension, woff2 only', () => {
    const faces = css.match(/@font-face\{[^}]*\}/g)!;
    expect(faces).toHaveLength(20);
    for (const face of faces) expect(face).toMatch(new RegExp(`src:url\\("${base}KaTeX_[\\w-]+\\.woff2"\\) format\\("woff2"\\)\\}$`));
    expect(css).not.toMatch(/url\(fonts\//);
    expect(css).not.toMatch(/\.woff\)|\.ttf\)/);
  });

  it('renames the families so the page and the panel never share them', () => {
    expect(css).toContain('font-family:SL-KaTeX_Main');
    expect(css).toContain('.katex{font:normal 1.21em SL-KaTeX_Main');
    expect(css.replace(/"[^"]*"/g, '')).not.toMatch(/(?<!SL-)KaTeX_/);
  });

  it('for a shadow root on a web page: no @font-face (no address for the page to read), same rules otherwise', () => {
    const raw = readFileSync(join(import.meta.dirname, '../../node_modules/katex/dist/katex.min.css'), 'utf8');
    const shadow = katexShadowCss(raw);
    expect(shadow).not.toMatch(/@font-face|url\(/);
    expect(shadow).toContain('.katex{font:normal 1.21em SL-KaTeX_Main');
    expect(shadow).toBe(css.replace(/@font-face\{[^}]*\}/g, ''));
  });

  it('lists every face KaTeX declares, for the fonts the content script adds from bytes', () => {
    const faces = katexFaces(readFileSync(join(import.meta.dirname, '../../node_modules/katex/dist/katex.min.css'), 'utf8'));
    expect(faces).toHaveLength(20);
    expect(faces).toContainEqual({ family: 'SL-KaTeX_Math', style: 'italic', weight: '400', file: 'KaTeX_Math-Italic.woff2' });
    expect(faces).toContainEqual({ family: 'SL-KaTeX_Main', style: 'normal', weight: '700', file: 'KaTeX_Main-Bold.woff2' });
    expect(new Set(faces.map((f) => f.file)).size).toBe(20);
  });

  it('is only needed for summaries with math', () => {
    expect(hasMath('<p>x <span class="katex"><span class="katex-mathml">…</span></span></p>')).toBe(true);
    expect(hasMath('<p>KaTeX is mentioned but not used</p>')).toBe(false);
  });
});

describe('summary HTML', () => {
  const render = (html: string, autoLoad = false) => {
    const box = document.createElement('div');
    box.replaceChildren(...renderSafeHtml(document, html, autoLoad));
    return box;
  };

  it('is sanitized again at render time', () => {
    const box = render('<p onclick="alert(1)">ok<script>alert(2)</script><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe></p>');
    expect(box.innerHTML).toBe('<p>ok<a>x</a></p>');
  });

  it('holds images back behind a "Load image from <host>" button that loads on click', () => {
    const box = render('<p>fig</p><img src="https://i.imgur.com/abc.png" alt="Figure 1">');
    expect(box.querySelector('img')).toBeNull();
    const button = box.querySelector<HTMLButtonElement>('button.sl-img-load')!;
    expect(button.textContent).toBe('Load image from i.imgur.com');
    expect(button.title).toBe('Figure 1 — https://i.imgur.com/abc.png');
    button.click();
    expect(box.querySelector('button')).toBeNull();
    const img = box.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://i.imgur.com/abc.png');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('loads images at once (lazily) when the autoLoadImages setting is on', () => {
    const img = render('<img src="https://i.imgur.com/abc.png">', true).querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('loading')]).toEqual(['https://i.imgur.com/abc.png', 'lazy']);
  });

  it('drops images whose address is not http(s)', () => {
    expect(render('<img data-src="javascript:alert(1)"><img src="data:image/png;base64,AAAA">').querySelectorAll('img[data-src], button').length).toBe(0);
  });
});

describe('when there is a panel', () => {
  const summary = { summary: {} as never, dismissed: false };
  const none = { summary: null, dismissed: false };
  it('shows summaries unless dismissed for that paper', () => {
    expect(wantsPanel(summary, DEFAULT_SETTINGS)).toBe(true);
    expect(wantsPanel({ ...summary, dismissed: true }, DEFAULT_SETTINGS)).toBe(false);
  });
  it('shows "No summary yet" only when the setting allows it', () => {
    expect(wantsPanel(none, DEFAULT_SETTINGS)).toBe(true);
    expect(wantsPanel(none, { ...DEFAULT_SETTINGS, showNoSummary: false })).toBe(false);
    expect(wantsPanel({ ...none, dismissed: true }, DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('theme and text helpers', () => {
  it('the setting wins, then the page, then the system', () => {
    expect(resolveTheme('light', 'dark', true)).toBe('light');
    expect(resolveTheme('dark', 'light', false)).toBe('dark');
    expect(resolveTheme('auto', 'light', true)).toBe('light');
    expect(resolveTheme('auto', null, true)).toBe('dark');
    expect(resolveTheme('auto', null, false)).toBe('light');
  });
  it('formats author lists', () => {
    expect(formatAuthors([])).toBeNull();
    expect(formatAuthors(['A. One'])).toBe('A. One');
    expect(formatAuthors(['A. One', 'B. Two', 'C. Three'])).toBe('A. One, B. Two and C. Three');
    expect(formatAuthors(['A. One', 'B. Two', 'C. Three', 'D. Four'])).toBe('A. One, B. Two et al.');
  });
});

// @vitest-environment jsdom
// The compact panel's summary opening (utils/render/preview.ts): over every summary of the built
// pack, and on small inputs for the rules (sentence ends, abbreviations, what may not end it).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackSchema } from '../../utils/corpus/pack';
import { previewHtml } from '../../utils/render/preview';
import { markdownToHtml } from '../../utils/render/markdown';
import { sanitizeHtml } from '../../utils/render/sanitize';

const pack = PackSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/corpus/pack.json'), 'utf8')));
const BUDGET = 360;

/** What a reader sees (KaTeX's MathML copy left out), whitespace collapsed. */
function visibleText(html: string): string {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  body.querySelectorAll('.katex-mathml').forEach((m) => m.remove());
  return body.textContent!.replace(/\s+/g, ' ').trim();
}
const preview = (markdown: string, chars = BUDGET) => previewHtml(markdownToHtml(markdown), chars);

describe('the opening of every summary in the pack', () => {
  const all = pack.summaries.map((s) => ({ id: s.id, full: s.html, ...previewHtml(s.html, BUDGET) }));

  it('is the start of the summary, word for word, in whole sentences', () => {
    for (const p of all) {
      const full = visibleText(sanitizeHtml(p.full));
      const opening = visibleText(p.html);
      expect(opening.length, p.id).toBeGreaterThan(0);
      expect(full.startsWith(opening), p.id).toBe(true);
      if (p.complete) expect(opening, p.id).toBe(full);
      else if (!/katex-display[^]*<\/p>$/.test(p.html.trim())) expect(opening, p.id).toMatch(/[.!?]["'”’)\]]*$/); // or it ends on a formula
    }
    expect(all.filter((p) => !p.complete).length).toBeGreaterThan(150);
  });

  it('keeps every formula whole and every element closed (the same HTML once parsed and written again)', () => {
    for (const p of all) {
      const body = new DOMParser().parseFromString(`<body>${p.html}</body>`, 'text/html').body;
      expect(body.innerHTML, p.id).toBe(p.html);
      for (const k of body.querySelectorAll('.katex')) {
        expect(k.querySelector('.katex-mathml annotation[encoding="application/x-tex"]'), p.id).not.toBeNull();
        expect(k.querySelector('.katex-html'), p.id).not.toBeNull();
      }
    }
    // Summaries whose opening holds math: it is typeset there too.
    expect(all.filter((p) => p.html.includes('class="katex')).length).toBeGreaterThan(0);
  });

  it('stays near its length: the budget, or the first sentence when that alone is longer', () => {
    for (const p of all) {
      const opening = visibleText(p.html);
      const firstSentence = /^.*?[.!?]["'”’)\]]*(?=\s|$)/.exec(visibleText(sanitizeHtml(p.full)))?.[0] ?? opening;
      expect(opening.length, p.id).toBeLessThanOrEqual(Math.max(BUDGET + 40, firstSentence.length + 1));
    }
  });
});

describe('preview rules', () => {
  it('cuts at the last sentence end within the budget, not at an abbreviation', () => {
    const md = 'First point, e.g. Smith et al. (2017) did it. Second sentence here. Third sentence is long enough to pass the budget.';
    expect(visibleText(preview(md, 70).html)).toBe('First point, e.g. Smith et al. (2017) did it. Second sentence here.');
    expect(preview(md, 70).complete).toBe(false);
  });

  it('keeps the first sentence whole when it alone passes the budget', () => {
    expect(visibleText(preview('A single very long sentence that goes well past the budget. Then more.', 10).html)).toBe('A single very long sentence that goes well past the budget.');
  });

  it('shows a short summary whole', () => {
    const p = preview('Short. Two sentences.');
    expect(p.complete).toBe(true);
    expect(visibleText(p.html)).toBe('Short. Two sentences.');
  });

  it('never ends on a heading or a label whose content is left out', () => {
    const md = 'Opening sentence of the summary that is long enough.\n\n## Method\n\nThe method is described in a long paragraph that does not fit at all in the remaining budget of the preview, not even one sentence of it, so it goes.';
    expect(visibleText(preview(md, 90).html)).toBe('Opening sentence of the summary that is long enough.');
    const label = 'The opening sentence.\n\nIt has three parts:\n\n- a first part described at a length that does not fit the budget\n- a second part';
    expect(visibleText(preview(label, 60).html)).toBe('The opening sentence.');
    // A label followed by its formula, both in the budget, stays with it.
    expect(visibleText(preview('It is bounded as follows:\n\n$$\nx \\le y\n$$\n\nAnd then a long paragraph past the budget.', 40).html)).toBe('It is bounded as follows: x≤y');
  });

  it('keeps inline math and links whole, cutting only in the paragraph\'s own text', () => {
    const md = 'We bound $\\mathbb{E}[x] \\le 1$ with [a lemma](https://arxiv.org/abs/1701.05369). Then a second sentence that should be cut away from the preview.';
    const p = preview(md, 60);
    const body = new DOMParser().parseFromString(`<body>${p.html}</body>`, 'text/html').body;
    expect(body.querySelector('a')?.textContent).toBe('a lemma');
    expect(body.querySelector('annotation')?.textContent).toBe('\\mathbb{E}[x] \\le 1');
    expect(visibleText(p.html)).not.toContain('second');
  });
});

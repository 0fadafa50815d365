// @vitest-environment jsdom
// The corpus build's repairs of scrape damage, proved over every summary and concept of the
// BUILT pack (public/corpus/pack.json, written by `npm run corpus`), plus the repair rules on
// small inputs. Each pack-wide check states what a reader would otherwise see.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackSchema } from '../../utils/corpus/pack';
import { displayMathToBlocks, restoreHeadings, restoreLinkDefinitions, restoreListItems, unglueUrls } from '../../scripts/corpus/repair-markdown';
import { labelFollowUp, parseConcepts } from '../../scripts/corpus/parse-concepts';
import { markdownToHtml } from '../../utils/render/markdown';
import { sanitizeHtml } from '../../utils/render/sanitize';

const pack = PackSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/corpus/pack.json'), 'utf8')));
const notes = readFileSync(join(import.meta.dirname, '../../data/seeds/004_edc9fe55b8f89826.txt'), 'utf8');
const docs = [...pack.summaries.map((s) => ({ id: s.id, markdown: s.markdown, html: s.html })), ...pack.concepts.map((c) => ({ id: c.id, markdown: c.markdown, html: c.html }))];

const parsed = new Map<string, HTMLElement>();
/** The document's body, parsed once; callers must not change it. */
function parse(html: string): HTMLElement {
  let body = parsed.get(html);
  if (!body) parsed.set(html, (body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body));
  return body;
}
const prose = new Map<string, HTMLElement>();
/** The text a reader sees as prose: typeset math and code taken out (parsed once). */
function proseOf(html: string): HTMLElement {
  let body = prose.get(html);
  if (!body) {
    body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    body.querySelectorAll('.katex, .katex-display, pre, code').forEach((el) => el.remove());
    prose.set(html, body);
  }
  return body;
}
const offenders = (test: (doc: (typeof docs)[number]) => boolean) => docs.filter(test).map((d) => d.id);

describe('the built pack (every summary and concept)', () => {
  it(`has ${pack.summaries.length} summaries and ${pack.concepts.length} concepts to check`, () => {
    expect([pack.summaries.length, pack.concepts.length]).toEqual([172, 73]);
  });

  it('leaves no "$$" as text: display math inside a paragraph is typeset', () => {
    expect(offenders((d) => proseOf(d.html).textContent!.includes('$$'))).toEqual([]);
    // Every $$…$$ of the markdown became one display formula.
    for (const d of docs) {
      const pairs = (d.markdown.match(/(?<!\\)\$\$/g) ?? []).length / 2;
      expect(parse(d.html).querySelectorAll('.katex-display').length, d.id).toBeGreaterThanOrEqual(pairs);
    }
    const formerlyRaw = ['s05ca0ca5a1', 's53675243bc', 's85df21cc93'].map((id) => pack.summaries.find((s) => s.id === id)!);
    expect(formerlyRaw.map((s) => parse(s.html).querySelectorAll('.katex-display').length)).toEqual([3, 2, 5]);
  });

  it('shows no literal heading marker ("# Introduction…") in any text', () => {
    const marker = /(^|[\s.!?:)])#{1,6} [A-Z0-9]/;
    expect(offenders((d) => [...proseOf(d.html).querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td')].some((el) => marker.test(el.textContent!)))).toEqual([]);
    // The four summaries whose headings had lost their lines now have them as headings.
    const headings = (id: string) => parse(pack.summaries.find((s) => s.id === id)!.html).querySelectorAll('h1, h2, h3, h4').length;
    expect(['s05ca0ca5a1', 's85df21cc93', 's646b011727', 'sb03d9ebbfd'].map(headings)).toEqual([4, 5, 6, 6]);
  });

  it('resolves every reference-style link: no "[text][label]" or "[label]: url" left as text', () => {
    expect(offenders((d) => /\[[^\]\n]+\]\[[^\]\n]*\]|\[[^\]\n]+\]:\s*\S/.test(proseOf(d.html).textContent!))).toEqual([]);
    const rml = parse(pack.summaries.find((s) => s.id === 's85df21cc93')!.html);
    expect([...rml.querySelectorAll('a[href^="https://drive.google.com/"]')].map((a) => a.textContent)).toEqual(['a LaTeX PDF', 'this PDF']);
  });

  it('has no address glued to a word, and every figure address ends at its extension', () => {
    expect(offenders((d) => /[A-Za-z]https?:\/\//.test(d.markdown) || /[A-Za-z]https?:\/\//.test(proseOf(d.html).textContent!))).toEqual([]);
    for (const d of docs)
      for (const img of parse(d.html).querySelectorAll('img[data-src]')) expect(img.getAttribute('data-src'), d.id).toMatch(/\.(png|jpe?g|gif|webp)$/i);
    const bigBird = pack.summaries.find((s) => s.id === 's4919342f6f')!;
    expect(bigBird.markdown).toContain('serve the https://i.imgur.com/ks86OgJ.png purpose');
    expect(bigBird.markdown).toContain('question https://i.imgur.com/x0BdamC.png answering');
  });

  it('keeps KaTeX\'s MathML annotation (the LaTeX source) and no loose LaTeX text beside it', () => {
    let formulas = 0;
    for (const d of docs) {
      for (const math of parse(d.html).querySelectorAll('.katex-mathml math')) {
        formulas += 1;
        const annotation = math.querySelector(':scope > semantics > annotation[encoding="application/x-tex"]');
        expect(annotation?.textContent?.trim(), d.id).toBeTruthy();
        expect(annotation!.children.length).toBe(0);
        const loose = [...math.childNodes, ...(math.querySelector('semantics')?.childNodes ?? [])].filter((n) => n.nodeType === 3 && n.textContent!.trim());
        expect(loose, d.id).toEqual([]);
      }
    }
    expect(formulas).toBeGreaterThan(200);
  });

  it('leaves no label hanging: a paragraph ending in ":" is followed by what it introduces, or says it is not in the source', () => {
    const startsWithContent = (el: Element | null) =>
      !!el && (/^(PRE|UL|OL|H[1-6])$/.test(el.tagName) || !!el.querySelector('.katex-display') || el.firstElementChild?.classList.contains('katex') === true);
    const hanging: string[] = [];
    for (const d of docs)
      for (const p of parse(d.html).querySelectorAll('p'))
        if (/:\s*$/.test(p.textContent!) && !startsWithContent(p.nextElementSibling)) hanging.push(`${d.id}: ${p.textContent!.slice(-50)}`);
    expect(hanging).toEqual([]);
    const activations = pack.concepts.find((c) => c.id === 'cs7643-activations')!;
    expect(activations.markdown).toContain('Sigmoid: *(figure not in source)*');
    expect(pack.concepts.reduce((n, c) => n + (c.markdown.match(/\((figure )?not in source\)/g)?.length ?? 0), 0)).toBe(49);
  });
});

describe('the formulas the course notes lost at their end', () => {
  const wordEmbeddings = pack.concepts.find((c) => c.id === 'cs7643-word-embeddings')!;

  it('answers the word-embeddings question with the source\'s own formula, right after it', () => {
    const question = wordEmbeddings.markdown.indexOf('So How do we define $P(w_{t+j}|w_t;\\theta)$?');
    const formula = wordEmbeddings.markdown.indexOf('P(w_{t+1}|w_t) = \\frac{exp(u_{w_t} \\cdot v_{w_{t+j}})}{\\sum_{k \\in V} exp(u_{w_t} \\cdot v_k)}');
    expect(question).toBeGreaterThan(0);
    expect(formula).toBeGreaterThan(question);
    // Typeset, not a KaTeX error ("u_w_t" was a double subscript).
    expect(wordEmbeddings.html).not.toContain('katex-error');
    expect([...parse(wordEmbeddings.html).querySelectorAll('annotation')].some((a) => a.textContent!.includes('P(w_{t+1}|w_t)'))).toBe(true);
  });

  it('puts the h^l chain rule after the general rule in backpropagation', () => {
    const backprop = pack.concepts.find((c) => c.id === 'cs7643-backprop')!.markdown;
    expect(backprop.indexOf('\\frac{\\partial L}{\\partial h^{l-1}} = \\frac{\\partial L}{\\partial h^l} \\frac{\\partial h^l}{\\partial h^{l-1}}')).toBeGreaterThan(backprop.indexOf('our old friend the chain rule'));
  });

  it('leaves out only what is already in the text or has no place, and fails on a trailing line it does not know', () => {
    // The two repeats are in their sections already.
    expect(pack.concepts.find((c) => c.id === 'cs7643-gradient-descent')!.markdown).toContain('=-2 \\sum_{i=1}^{n} \\delta_i x_{ij}');
    expect(pack.concepts.find((c) => c.id === 'cs7643-backprop-example')!.markdown).toMatch(/1 &\\text\{ if\} h\^\{l-1\} > 0/);
    expect(() => parseConcepts(`${notes}\n$x = y$ an unknown trailing formula`)).toThrow(/unknown line after the end of the text/);
  });
});

describe('repair rules', () => {
  it('moves $$…$$ out of a sentence into a block of its own', () => {
    expect(displayMathToBlocks('a bound: $$ x \\ge y $$ # Next')).toBe('a bound:\n\n$$\nx \\ge y\n$$\n\n# Next');
  });

  it('ends a restored heading before the sentence that follows it, and leaves other "#" alone', () => {
    expect(restoreHeadings('# RQMC applied to VI Authors estimate the ELBO.')).toBe('# RQMC applied to VI\n\nAuthors estimate the ELBO.');
    expect(restoreHeadings('done. ## General Framework Extends T-REX (see below).')).toBe('done.\n\n## General Framework\n\nExtends T-REX (see below).');
    expect(restoreHeadings('### Analysis #### Relationship to label smoothing This training')).toBe('### Analysis\n\n#### Relationship to label smoothing\n\nThis training');
    expect(restoreHeadings('## Motivations * Preferences are hard.')).toBe('## Motivations\n\n* Preferences are hard.');
    expect(restoreHeadings('use C # Sharp code and issue # 3 here')).toBe('use C # Sharp code and issue # 3 here');
  });

  it('splits a bullet run only where a sentence ends', () => {
    expect(restoreListItems('* One thing. * Two - three things. * Four')).toBe('* One thing.\n* Two - three things.\n* Four');
    expect(restoreListItems('Prose with a * star. * Not a list')).toBe('Prose with a * star. * Not a list');
  });

  it('moves a glued link definition onto its own line only when the label is used', () => {
    expect(restoreLinkDefinitions('see [the PDF][1]. Thanks. [1]: https://x.example/a')).toBe('see [the PDF][1]. Thanks.\n\n[1]: https://x.example/a');
    expect(restoreLinkDefinitions('ratio [1]: https://x.example/a')).toBe('ratio [1]: https://x.example/a');
  });

  it('puts a word split by a pasted figure address back together', () => {
    expect(unglueUrls('serve thhttps://i.imgur.com/a.pnge purpose')).toBe('serve the https://i.imgur.com/a.png purpose');
    expect(unglueUrls('on questionhttps://i.imgur.com/b.png answering')).toBe('on question https://i.imgur.com/b.png answering');
    expect(unglueUrls('see (https://arxiv.org/abs/1) and https://x.example/c.png.')).toBe('see (https://arxiv.org/abs/1) and https://x.example/c.png.');
  });

  it('tells a label with its content from one whose figure was lost', () => {
    expect(labelFollowUp('Sigmoid:', 'tanh:', 'ReLU:')).toBe('missing');
    expect(labelFollowUp('References and Links:', undefined, undefined)).toBe('missing');
    expect(labelFollowUp("Goodhart's Law:", 'Any observed statistical regularity will tend to collapse', 'Next.')).toBe('join');
    expect(labelFollowUp('they are a tuple of five values:', 'We can now define an Interaction Trajectory as a sequence', 'x')).toBe('missing');
    expect(labelFollowUp('we sample from the uniform distribution:', '$U(-a, a)$', undefined)).toBe('content');
    expect(labelFollowUp('An ordinary sentence.', 'Another one.', undefined)).toBeNull();
  });
});

describe('sanitizer and MathML annotations', () => {
  it('keeps a text-only TeX annotation inside <semantics>', () => {
    const html = sanitizeHtml(markdownToHtml('$x^2$'));
    expect(html).toContain('<semantics>');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  });

  it('drops an annotation that holds elements, has another encoding or sits outside <semantics>, and "encoding" anywhere else', () => {
    const clean = (s: string) => sanitizeHtml(s);
    expect(clean('<math><semantics><mi>x</mi><annotation encoding="text/html">x</annotation></semantics></math>')).not.toContain('annotation');
    expect(clean('<math><semantics><mi>x</mi><annotation encoding="application/x-tex"><mi>y</mi></annotation></semantics></math>')).not.toContain('<mi>y</mi>');
    expect(clean('<math><annotation encoding="application/x-tex">x</annotation></math>')).not.toContain('annotation');
    expect(clean('<p encoding="application/x-tex">p</p>')).toBe('<p>p</p>');
    expect(clean('<math><semantics><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></semantics></math>')).not.toMatch(/annotation-xml|onerror/);
    const broken = clean('<math><semantics><annotation encoding="application/x-tex"><img src=x onerror=alert(1)><style>@import url(https://evil.example)</style></annotation></semantics></math>');
    expect(broken).not.toMatch(/onerror|<style|evil\.example/);
  });
});

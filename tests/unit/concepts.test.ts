// The CS7643 course notes split into titled sections: every outline anchor is found, sections
// are readable, the scrape's one-line paragraphs become markdown, and every formula typesets.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { MODULES, linesToMarkdown, parseConcepts } from '../../scripts/corpus/parse-concepts';
import { markdownToHtml } from '../../utils/render/markdown';

const seedDir = new URL('../../data/seeds', import.meta.url).pathname;
const notes = readFileSync(`${seedDir}/${readdirSync(seedDir).find((n) => n.startsWith('004_'))!}`, 'utf8');
const sections = parseConcepts(notes);
const byId = (id: string) => sections.find((s) => s.id === id)!;

describe('course-notes sections', () => {
  it('splits the notes into 73 sections over the four modules, in course order', () => {
    expect(sections).toHaveLength(73);
    const modules = sections.map((s) => s.module);
    expect([...new Set(modules)]).toEqual(Object.values(MODULES));
    expect(modules.filter((m) => m === MODULES.m1)).toHaveLength(21);
    expect(sections[0].title).toBe('Course overview: from linear classifiers to neural networks');
    expect(sections.at(-1)!.title).toBe('Training VAEs: the reparameterization trick and the latent space');
  });

  it('gives stable, unique, short ids and unique titles', () => {
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
    expect(new Set(sections.map((s) => s.title)).size).toBe(sections.length);
    for (const s of sections) expect(s.id).toMatch(/^cs7643-[a-z0-9-]{2,40}$/);
    expect(byId('cs7643-batch-norm').title).toBe('Data normalization and batch normalization');
    expect(byId('cs7643-gan').title).toMatch(/^Generative adversarial networks/);
  });

  it('keeps sections a readable size', () => {
    for (const s of sections) {
      expect(s.markdown.length, s.id).toBeGreaterThan(500);
      expect(s.markdown.length, s.id).toBeLessThan(8000);
    }
  });

  it('starts each section where its topic starts', () => {
    expect(byId('cs7643-pooling').markdown).toMatch(/^Recall that dimension reduction is an important aspect/);
    expect(byId('cs7643-adaptive-optimizers').markdown).toContain('### RMSProp');
    expect(byId('cs7643-momentum').markdown).not.toContain('RMSProp');
    expect(byId('cs7643-transformers').markdown).toMatch(/^Transformer is multi-attention model/);
    expect(byId('cs7643-vae').markdown).toMatch(/ELBO/);
  });

  it('covers the notes: every content line lands in exactly one section', () => {
    const all = sections.map((s) => s.markdown).join('\n');
    for (const probe of ['Instructor : Zsolt Kira', 'Focal loss: down-weights easy examples', 'HogWild is an RPC', 'Byte-Pair Encoding', 'There is a recent algorithm called FixMatch']) {
      expect(all.split(probe).length - 1, probe).toBe(1);
    }
  });

  it('drops scrape leftovers: stray markers, the figure path and the orphaned formulas after it', () => {
    const all = sections.map((s) => s.markdown).join('\n');
    expect(all).not.toMatch(/MODULE COMPLETED|<img|CS7643_images|^NLP$/m);
    expect(all).not.toContain('u_w_t'); // the orphaned (and malformed) skip-gram formula at the very end
  });

  it('fails loudly, naming the section, when the notes no longer match the outline', () => {
    expect(() => parseConcepts(notes.replace('Recall that dimension reduction is an important aspect', 'Dimension reduction matters'))).toThrow(/Pooling layers/);
  });

  it('typesets every formula with KaTeX (no parse errors)', () => {
    for (const s of sections) {
      const html = markdownToHtml(s.markdown);
      expect(html, s.id).not.toContain('katex-error');
    }
    expect(markdownToHtml(byId('cs7643-loss-functions').markdown)).toContain('class="katex-display"');
  });

  it('leaves no formula as raw "$…$" text', () => {
    for (const s of sections) {
      const text = markdownToHtml(s.markdown)
        .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
        .replace(/<code[\s\S]*?<\/code>/g, '')
        .replace(/<[^>]+>/g, '');
      expect(text, s.id).not.toContain('$');
    }
  });
});

describe('one-line paragraphs back to markdown', () => {
  it('makes each line a paragraph', () => {
    expect(linesToMarkdown(['First point here.', 'Second point here.'])).toBe('First point here.\n\nSecond point here.');
  });

  it('keeps a formula written over several lines together, as display math', () => {
    expect(linesToMarkdown(['$', '\\begin{split}', 'a & = b \\\\', '\\end{split}', '$'])).toBe('$$\n\\begin{split} a & = b \\\\ \\end{split}\n$$');
  });

  it('restores a "$" the scrape dropped before \\begin{…}', () => {
    expect(linesToMarkdown(['\\begin{equation}', 'x = 1', '\\end{equation}$'])).toBe('$$\n\\begin{equation} x = 1 \\end{equation}\n$$');
  });

  it('moves display-only environments out of a sentence into display math', () => {
    expect(linesToMarkdown(['Then $ \\begin{align} a &= b \\end{align}$ follows.'])).toBe('Then\n\n$$\n\\begin{align} a &= b \\end{align}\n$$\n\nfollows.');
  });

  it('moves "$$…$$" written inside a sentence to its own display block, and trims padded inline math', () => {
    expect(linesToMarkdown(['Recall $$P(s)=\\prod_i p_i$$ as before.'])).toBe('Recall\n\n$$\nP(s)=\\prod_i p_i\n$$\n\nas before.');
    expect(linesToMarkdown(['eg $ f(x) $ here'])).toBe('eg $f(x)$ here');
  });

  it('fences runs of code and stops at the next sentence', () => {
    expect(linesToMarkdown(['import numpy as np', 'x = np.exp(3.2)', 'print(x)', 'This prints the softmax numerator.'])).toBe(
      '```python\nimport numpy as np\nx = np.exp(3.2)\nprint(x)\n```\n\nThis prints the softmax numerator.',
    );
  });

  it('turns a short title-like line followed by text into a sub-heading, but not a cut-off sentence', () => {
    expect(linesToMarkdown(['Forward Pass', 'We simply compute the output of each component and save it.'])).toBe(
      '### Forward Pass\n\nWe simply compute the output of each component and save it.',
    );
    expect(linesToMarkdown(['Recall that', 'Local representation: a concept is represented by a single node.'])).toMatch(/^Recall that\n\n/);
    expect(linesToMarkdown(['CAT CAR FROG', '3.2 5.1 -1.70 <- These are our un-normalized log probabilities (logits)'])).toMatch(/^CAT CAR FROG\n\n/);
  });
});

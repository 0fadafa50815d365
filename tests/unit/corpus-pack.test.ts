// The shipped pack: exact unique count, no scrape chrome, every paper identified or explained.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseSeedFiles, looksTruncated, cleanSummaryText } from '../../scripts/corpus/parse-summaries';
import { PackSchema } from '../../utils/corpus/pack';

const seedDir = new URL('../../data/seeds', import.meta.url).pathname;
const files = readdirSync(seedDir).sort().map((name) => ({ name, text: readFileSync(`${seedDir}/${name}`, 'utf8') }));
const pack = PackSchema.parse(JSON.parse(readFileSync(new URL('../../public/corpus/pack.json', import.meta.url), 'utf8')));

describe('seed parsing', () => {
  it('finds exactly 172 unique summaries, merging the 7 scraped repeats of 000', () => {
    const { summaries, perFile } = parseSeedFiles(files);
    expect(Object.values(perFile)).toEqual([164, 5, 5, 5]);
    expect(summaries).toHaveLength(172);
    expect(summaries.filter((s) => s.sources.length > 1)).toHaveLength(7);
    expect(new Set(summaries.map((s) => s.id)).size).toBe(172);
  });

  it('fails loudly when a source yields nothing', () => {
    expect(() => parseSeedFiles([{ name: '001_empty.txt', text: 'Welcome to ShortScience.org! |\n' }])).toThrow(/yielded no summaries/);
  });

  it('repairs scrape damage but keeps markdown, math and links', () => {
    expect(cleanSummaryText('Some $x^2$ text [a](https://arxiv.org/abs/1506.02557) ![]() |')).toBe('Some $x^2$ text [a](https://arxiv.org/abs/1506.02557)');
    expect(looksTruncated('It stops in the middle of a')).toBe(true);
    expect(looksTruncated('It ends properly.')).toBe(false);
  });
});

describe('shipped pack', () => {
  it('holds 172 summaries and no page chrome', () => {
    expect(pack.summaries).toHaveLength(172);
    for (const s of pack.summaries) {
      expect(s.markdown).not.toMatch(/Welcome to ShortScience|^\d+ Comments?$|!\[\]\(\)|\[link\]|\s\|$/m);
      expect(s.markdown.trim()).toBe(s.markdown);
    }
  });

  it('marks truncated summaries', () => {
    const truncated = pack.summaries.filter((s) => s.truncated);
    expect(truncated.length).toBeGreaterThan(0);
    for (const s of truncated) expect(s.markdown).not.toMatch(/[.!?]$/);
  });

  it('gives every summary an arXiv/OpenReview id or a stated reason, with evidence for each identification', () => {
    for (const s of pack.summaries) {
      const { paper } = s;
      const hasId = Boolean(paper.arxivId || paper.openreviewId);
      expect(hasId || Boolean(paper.reason), `summary ${s.id}`).toBe(true);
      if (paper.title) expect(paper.evidence.length, `evidence for ${s.id}`).toBeGreaterThan(0);
      if (paper.arxivId) expect(paper.arxivId).toMatch(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/);
    }
  });

  it('has no two summaries claiming the same arXiv paper', () => {
    const ids = pack.summaries.map((s) => s.paper.arxivId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ships pre-rendered, sanitized HTML with typeset math', () => {
    const withMath = pack.summaries.find((s) => s.markdown.includes('$'))!;
    expect(withMath.html).toContain('class="katex');
    for (const s of pack.summaries) expect(s.html).not.toMatch(/<script|\son\w+=|javascript:/i);
  });
});

describe('paragraphs lost in the scrape', () => {
  it('resolves reference-style links once line breaks become paragraph breaks', () => {
    const withRefs = pack.summaries.find((s) => s.markdown.includes('[kingma]:'))!;
    expect(withRefs.html).toContain('<a href="https://arxiv.org/abs/1506.02557"');
    // Outside code blocks (a code comment quotes the link text verbatim, as it should).
    expect(withRefs.html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toContain('[kingma]');
  });
});

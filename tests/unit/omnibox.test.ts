// The address-bar keyword's logic (entrypoints/background/omnibox.ts) over the shipped corpus's
// real search index: what "sl <query>" suggests, where Enter goes, and what it refuses to open.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchEngine, SearchSource } from '@/utils/search/engine';
import type { SearchDocsFile } from '@/utils/search/build-index';
import { describe as describeDoc, omniboxDestination, omniboxSuggestions, omniboxTarget, type OmniboxSearch } from '@/entrypoints/background/omnibox';

const corpus = join(import.meta.dirname, '../../public/corpus');
const engine = new SearchEngine([SearchSource.fromJSON(readFileSync(join(corpus, 'search-index.json'), 'utf8'), JSON.parse(readFileSync(join(corpus, 'search-docs.json'), 'utf8')) as SearchDocsFile)]);
const search: OmniboxSearch = async (q, limit) => engine.search(q, { limit, snippets: false }).hits.map((h) => h.doc);

describe('omnibox', () => {
  it('suggests at most six distinct destinations, best first, with escaped markup for Chromium', async () => {
    const hits = await omniboxSuggestions(search, 'variational dropout sparsifies', true);
    expect(hits[0].content).toBe('https://arxiv.org/abs/1701.05369');
    expect(hits[0].description).toBe('<match>Variational Dropout Sparsifies Deep Neural Networks</match> <dim>Dmitry Molchanov, Arsenii Ashukha et al. · 2017</dim>');
    expect(hits.length).toBeLessThanOrEqual(6);
    expect(new Set(hits.map((h) => h.content)).size).toBe(hits.length);
    expect(await omniboxSuggestions(search, '  ', true)).toEqual([]);
  });

  it('escapes titles for Chromium\'s XML descriptions and leaves them as text for Firefox', () => {
    const doc = { id: 's:x', kind: 'summary' as const, title: 'A <b> & "c"', authors: ['One', 'Two', 'Three'], year: 2020, arxivId: '2001.00001', openreviewId: null, module: null, text: '' };
    expect(describeDoc(doc, true)).toBe('<match>A &lt;b&gt; &amp; &quot;c&quot;</match> <dim>One, Two et al. · 2020</dim>');
    expect(describeDoc(doc, false)).toBe('A <b> & "c" — One, Two et al. · 2020');
  });

  it('opens the arXiv page, else the OpenReview forum, else nothing; concepts on the concept page', () => {
    expect(omniboxTarget({ kind: 'summary', id: 's:a', arxivId: '1701.05369', openreviewId: 'X' })).toBe('https://arxiv.org/abs/1701.05369');
    expect(omniboxTarget({ kind: 'summary', id: 's:a', arxivId: null, openreviewId: 'r1x&y' })).toBe('https://openreview.net/forum?id=r1x%26y');
    expect(omniboxTarget({ kind: 'summary', id: 's:a', arxivId: null, openreviewId: null })).toBeNull();
    expect(omniboxTarget({ kind: 'concept', id: 'c:cs7643-backprop', arxivId: null, openreviewId: null })).toMatch(/\/concept\.html\?id=cs7643-backprop$/);
  });

  it('Enter on typed words goes to the best match; an address it did not suggest is only a query', async () => {
    expect(await omniboxDestination(search, 'reformer efficient transformer')).toBe('https://arxiv.org/abs/2001.04451');
    expect(await omniboxDestination(search, 'https://arxiv.org/abs/1701.05369')).toBe('https://arxiv.org/abs/1701.05369');
    const foreign = await omniboxDestination(search, 'https://evil.example/phish');
    expect(foreign === null || /^https:\/\/(arxiv\.org|openreview\.net)\//.test(foreign) || foreign.includes('/concept.html?id=')).toBe(true);
    expect(await omniboxDestination(search, 'zzzzqqqxxyy')).toBeNull();
  });
});

// The search engine's parts: query parsing, snippets, the Fuse.js corrector, the query planner,
// and the engine over several packs with filters.
import { describe, expect, it } from 'vitest';
import { buildSearchArtifacts, documentFrequencies, shortFieldVocabulary, searchDocMetas, type SearchablePack } from '@/utils/search/build-index';
import { SearchEngine, SearchSource } from '@/utils/search/engine';
import { ShortFieldCorrector } from '@/utils/search/fuzzy';
import { CostModel, planQuery } from '@/utils/search/plan';
import { parseQuery } from '@/utils/search/query';
import { buildSnippet, highlightAll } from '@/utils/search/snippet';
import { plainText } from '@/utils/search/text';

function paper(id: string, title: string, authors: string[], year: number, markdown: string, extra: { arxivId?: string; openreviewId?: string } = {}) {
  return { id, markdown, paper: { title, authors, year, arxivId: extra.arxivId ?? null, openreviewId: extra.openreviewId ?? null } };
}

const PACK_A: SearchablePack = {
  id: 'a',
  summaries: [
    paper('s1', 'Reformer: The Efficient Transformer', ['Nikita Kitaev', 'Łukasz Kaiser'], 2020, 'Locality-sensitive hashing makes attention cheap. Reversible layers save memory.', { arxivId: '2001.04451', openreviewId: 'rkgNKkHtvB' }),
    paper('s2', 'MobileNetV2: Inverted Residuals and Linear Bottlenecks', ['Mark Sandler'], 2018, 'Depthwise convolutions on phones. The original MobileNets paper factored convolutions.', { arxivId: '1801.04381' }),
    paper('s3', 'Directional Message Passing for Molecular Graphs', ['Johannes Gasteiger', 'Stephan Günnemann'], 2020, 'DimeNet passes messages between atoms with directions and angles.', { arxivId: '2003.03123' }),
  ],
  concepts: [{ id: 'k1', title: 'Grad-CAM', module: 'CS7643', markdown: '# Grad-CAM\nGradient-weighted class activation maps show where a **CNN** looks.' }],
};

const PACK_B: SearchablePack = {
  id: 'b',
  summaries: [paper('t1', 'A Private Paper on Hashing', ['Ada Lovelace'], 2012, 'Hashing tricks for attention, from an imported pack.', { arxivId: 'hep-th/9901001' })],
  concepts: [],
};

const engineOf = (...packs: SearchablePack[]) =>
  new SearchEngine(packs.map((p) => {
    const a = buildSearchArtifacts(p);
    // The popup's path: the serialized text, loaded with MiniSearch.loadJSON.
    return SearchSource.fromJSON(JSON.stringify(a.index), JSON.parse(JSON.stringify(a.docs)));
  }));

describe('parseQuery', () => {
  it.each([
    ['https://arxiv.org/abs/1810.04805v2', '1810.04805'],
    ['https://arxiv.org/pdf/1703.10593v7', '1703.10593'],
    ['https://arxiv.org/pdf/1703.10593.pdf', '1703.10593'],
    ['arxiv.org/abs/1905.02249', '1905.02249'],
    ['https://export.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/solv-int/9901001v1', 'solv-int/9901001'],
    ['https://ar5iv.labs.arxiv.org/html/2001.04451', '2001.04451'],
    ['arXiv:2002.11328', '2002.11328'],
    ['1911.05507v3', '1911.05507'],
  ])('%s is the arXiv id %s', (text, id) => {
    expect(parseQuery(text)).toMatchObject({ kind: 'id', arxivId: id });
  });

  it('reads OpenReview URLs, and words as words', () => {
    expect(parseQuery('https://openreview.net/forum?id=rkgNKkHtvB')).toMatchObject({ kind: 'id', openreviewId: 'rkgNKkHtvB' });
    expect(parseQuery('https://openreview.net/pdf?id=B1l6qiR5F7')).toMatchObject({ kind: 'id', openreviewId: 'B1l6qiR5F7' });
    expect(parseQuery('  efficient transformer ')).toEqual({ kind: 'words', text: 'efficient transformer' });
    expect(parseQuery('https://example.com/abs/1810.04805')).toEqual({ kind: 'words', text: 'https://example.com/abs/1810.04805' });
    expect(parseQuery('   ')).toEqual({ kind: 'empty' });
  });
});

describe('snippets and highlights', () => {
  const text = 'Intro words here. ' + 'filler '.repeat(60) + 'Locality-sensitive hashing makes attention cheap, and hashing is fast. ' + 'tail '.repeat(60);

  it('cuts a window around the matched words and marks each one, as plain parts', () => {
    const parts = buildSnippet(text, new Set(['hashing', 'attention']), 120);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['hashing', 'attention', 'hashing']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(140);
  });

  it('matches whole words only, any case; no match gives the opening', () => {
    expect(buildSnippet('Hash hashing HASHING', new Set(['hash'])).filter((p) => p.hit).map((p) => p.text)).toEqual(['Hash']);
    expect(buildSnippet('No match at all here.', new Set(['zebra']))).toEqual([{ text: 'No match at all here.', hit: false }]);
  });

  it('never turns text into markup: a title with tags stays text', () => {
    const parts = highlightAll('<img src=x onerror=alert(1)> Günnemann', new Set(['gunnemann']));
    expect(parts.find((p) => p.hit)?.text).toBe('Günnemann');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> Günnemann');
  });

  it('plainText drops markdown marks, links and bare URLs but keeps TeX', () => {
    expect(plainText('## Title\n**bold** [link](https://x.y) https://i.imgur.com/a.png $w_j$')).toBe('Title bold link $w_j$');
  });
});

describe('Fuse.js corrector (short fields only)', () => {
  const vocabulary = ['attention', 'attentional', 'reformer', 'transformer', 'transformers', 'mobilenets', 'mobilenetv2', 'schmidhuber', 'frankle'];

  it('offers the words a typo most likely meant, closest first', () => {
    const c = new ShortFieldCorrector(vocabulary);
    expect(c.correct('atention')[0].term).toBe('attention');
    expect(c.correct('reformr').map((x) => x.term)).toEqual(['reformer']);
    expect(c.correct('transfomer')[0].term).toBe('transformer');
    expect(c.correct('frankel')[0].term).toBe('frankle');
    expect(c.correct('bert')).toEqual([]); // nothing close
  });

  it('a large vocabulary gives the same answers through the letter-pair prefilter', () => {
    const filler = Array.from({ length: 12_000 }, (_, i) => `w${i.toString(36)}zq`);
    const big = new ShortFieldCorrector([...filler, ...vocabulary].sort());
    expect(big.correct('schmidhubr')[0].term).toBe('schmidhuber');
    expect(big.correct('mobilnet')[0].term).toMatch(/^mobilenet/);
  });
});

describe('query planner', () => {
  const model = new CostModel({ documentCount: 100_000, listedFrom: 200, df: { learning: [20_000, 90_000], neural: [9000, 60_000], zorbnet: [300, 0], network: [5000, 70_000], networks: [4000, 50_000] } });
  const slot = (...terms: string[]) => terms.map((term) => [{ term, weight: 1 }]);

  it('looks every word up everywhere when it is cheap (the shipped corpus)', () => {
    const plans = planQuery(slot('reformer', 'hashing'), false, new CostModel({ documentCount: 172, listedFrom: 200, df: {} }));
    expect(plans.every((p) => p.short && p.text)).toBe(true);
  });

  it('keeps a query within the budget: common words stay out of the full text, cheapest first', () => {
    const plans = planQuery(slot('zorbnet', 'neural', 'learning'), false, model, 8000);
    const by = Object.fromEntries(plans.map((p) => [p.term, p]));
    expect(by.zorbnet).toMatchObject({ short: true, text: true });
    expect(by.neural.text).toBe(false);
    expect(by.learning).toMatchObject({ short: false, text: false }); // 20,000 title postings: re-rank only
    const spent = plans.reduce((n, p) => n + (p.short ? model.cost(p.term)[0] : 0) + (p.text ? model.cost(p.term)[1] : 0), 0);
    expect(spent).toBeLessThanOrEqual(8000);
  });

  it('always looks up at least one word, and prefixes only in short fields within budget', () => {
    expect(planQuery(slot('learning'), false, model, 8000)[0].short).toBe(true);
    expect(model.prefixCost('network')).toBe(4000);
    expect(planQuery(slot('network'), true, model, 8000)[0]).toMatchObject({ short: true, prefix: false }); // 5000 + 4000 > 8000
    expect(planQuery(slot('zorbnet'), true, model, 8000)[0]).toMatchObject({ short: true, prefix: true });
  });
});

describe('SearchEngine', () => {
  const engine = engineOf(PACK_A, PACK_B);
  const titles = (q: string, opts = {}) => engine.search(q, opts).hits.map((h) => h.doc.title);

  it('ranks title, author, method-name and full-text matches, snippets marked', () => {
    expect(titles('efficient transformer')[0]).toBe('Reformer: The Efficient Transformer');
    expect(titles('kitaev')[0]).toBe('Reformer: The Efficient Transformer');
    expect(titles('gunnemann')[0]).toBe('Directional Message Passing for Molecular Graphs');
    expect(titles('dimenet')[0]).toBe('Directional Message Passing for Molecular Graphs');
    const hit = engine.search('reversible layers').hits[0];
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(['reversible', 'layers']);
  });

  it('matches words as they are typed (prefix of the last word), and partial words through Fuse.js', () => {
    const typing = engine.search('invert', { partial: true });
    expect(typing.hits[0].doc.title).toMatch(/^MobileNetV2/);
    expect(typing.corrections).toEqual([]);
    // A finished word the index does not know: Fuse.js finds the word it is part of.
    const finished = engine.search('invert', { partial: false });
    expect(finished.hits[0].doc.title).toMatch(/^MobileNetV2/);
    expect(finished.corrections).toEqual([{ from: 'invert', to: ['inverted'] }]);
  });

  it('corrects typos through Fuse.js and says what it searched instead', () => {
    const res = engine.search('reformr');
    expect(res.hits[0].doc.title).toBe('Reformer: The Efficient Transformer');
    expect(res.corrections).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'reformr', to: expect.arrayContaining(['reformer']) })]));
    expect(titles('mobilnet')[0]).toMatch(/^MobileNetV2/);
  });

  it('finds a paper by id or pasted URL in any pack, exactly', () => {
    expect(engine.search('https://openreview.net/forum?id=rkgNKkHtvB').hits.map((h) => [h.packId, h.matchedBy])).toEqual([['a', 'id']]);
    expect(engine.search('https://arxiv.org/abs/hep-th/9901001v2').hits.map((h) => h.doc.title)).toEqual(['A Private Paper on Hashing']);
    expect(engine.search('rkgNKkHtvB').hits[0].doc.title).toBe('Reformer: The Efficient Transformer');
    expect(engine.search('https://arxiv.org/abs/2401.00001').hits).toEqual([]);
  });

  it('merges results of several packs', () => {
    const hits = engine.search('hashing attention').hits;
    expect(new Set(hits.map((h) => h.packId))).toEqual(new Set(['a', 'b']));
    engine.remove('b');
    expect(engine.search('hashing').hits.map((h) => h.packId)).toEqual(['a']);
    engine.add(engineOf(PACK_B) && SearchSource.fromArtifacts(buildSearchArtifacts(PACK_B)));
    expect(engine.packIds.sort()).toEqual(['a', 'b']);
  });

  it('filters by kind, year range and a caller test', () => {
    expect(engine.search('grad cam').hits[0].doc.kind).toBe('concept');
    expect(engine.search('grad cam', { filters: { kind: 'summaries' } }).hits.every((h) => h.doc.kind === 'summary')).toBe(true);
    expect(engine.search('attention', { filters: { kind: 'concepts' } }).hits.every((h) => h.doc.kind === 'concept')).toBe(true);
    const years = engine.search('attention hashing convolutions messages', { filters: { yearFrom: 2019, yearTo: 2020 } }).hits.map((h) => h.doc.year);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y !== null && y >= 2019 && y <= 2020)).toBe(true);
    expect(titles('hashing', { filters: { accept: (d: { id: string }) => d.id === 's:t1' } })).toEqual(['A Private Paper on Hashing']);
  });
});

describe('build artifacts', () => {
  it('counts document frequencies from the serialized index and lists the common words only', () => {
    const a = buildSearchArtifacts(PACK_A);
    expect(a.docs.stats.documentCount).toBe(4);
    const df = documentFrequencies(a.index, 1);
    expect(df.convolutions).toEqual([0, 1]); // twice in one summary's text: one document
    expect(df.grad).toEqual([1, 1]); // the concept's title and its text
    expect(df.the).toEqual([1, 0]); // a stop word: titles only
    expect(Object.keys(documentFrequencies(a.index, 2))).toEqual(expect.arrayContaining(['grad', 'cam']));
    expect(documentFrequencies(a.index, 2).convolutions).toBeUndefined();
  });

  it('the short-field vocabulary holds title words, author names and method names from the text', () => {
    const v = shortFieldVocabulary(searchDocMetas(PACK_A));
    expect(v).toEqual(expect.arrayContaining(['reformer', 'kitaev', 'gunnemann', 'dimenet', 'mobilenets', 'cnn']));
    expect(v).not.toContain('phones'); // ordinary text words stay out
  });
});

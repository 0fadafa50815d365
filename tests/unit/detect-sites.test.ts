// The opt-in sites' page readers (utils/detect/sites.ts) on real Google Scholar captures and on
// the pages built from the sites' markup (tests/fixtures/pages/PROVENANCE.md), and the content
// script registrations (utils/optional-sites.ts): each site's pattern covers its detectors'
// example URLs and none of another site's. (The detectors themselves are walked with every
// other detector's examples and the must-match-nothing list in detect.test.ts.)
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import * as detect from '@/utils/detect';
import { exampleUrl, getAllTests, getTests, NO_MATCH } from '@/utils/detect/collector';
import { OPTIONAL_SITES } from '@/utils/optional-sites';
import { PaperRefSchema } from '@/utils/paper-ref';

const page = (file: string, url: string) => new JSDOM(readFileSync(new URL(`../fixtures/pages/${file}`, import.meta.url), 'utf8'), { url }).window.document;
const html = (markup: string, url = 'https://example.org/') => new JSDOM(markup, { url }).window.document;

describe('Google Scholar results', () => {
  test('real 2016 capture: a [CITATION] result without a link (title heading, "Y Bengio")', () => {
    const doc = page('scholar-results-goscholar-2016.html', 'https://scholar.google.co.jp/scholar?q=x');
    const [only, ...rest] = detect.scholarResults(doc);
    expect(rest).toEqual([]);
    expect(only.ref).toEqual({ title: 'Unsupervised feature learning and deep learning: A review and new perspectives', firstAuthor: 'Y Bengio' });
    expect(only.anchor.tagName).toBe('H3'); // no link: the badge follows the heading
    expect(only.item.className).toBe('gs_ri');
  });

  test('real 2016 capture: a linked result (the badge follows the title link)', () => {
    const doc = page('scholar-results-goscholar-2016-linked.html', 'https://scholar.google.co.jp/scholar?q=x');
    const [only] = detect.scholarResults(doc);
    expect(only.ref).toEqual({ title: 'Learning deep architectures for AI', firstAuthor: 'Y Bengio' });
    expect(only.anchor.getAttribute('href')).toBe('http://dl.acm.org/citation.cfm?id=1658424');
  });

  test('built page: arXiv id from a [PDF] arxiv.org link, "[HTML]" marks dropped, abbreviated authors', () => {
    const refs = detect.scholarResults(page('sites/scholar-results-built.html', 'https://scholar.google.com/scholar?q=x')).map((e) => e.ref);
    expect(refs).toEqual([
      { title: 'Supervised contrastive learning', firstAuthor: 'P Khosla' },
      { arxivId: '1701.05369', title: 'Variational dropout sparsifies deep neural networks', firstAuthor: 'D Molchanov' },
      { title: 'Dropout: a simple way to prevent neural networks from overfitting', firstAuthor: 'N Srivastava' },
      { title: 'Big bird: Transformers for longer sequences', firstAuthor: 'M Zaheer' },
      { title: 'Big bird: Transformers for longer sequences', firstAuthor: 'J Doe' },
    ]);
  });
});

describe('citation tags (proceedings pages)', () => {
  test.each([
    ['sites/neurips-2020-supcon.html', { title: 'Supervised Contrastive Learning', firstAuthor: 'Khosla, Prannay' }],
    ['sites/pmlr-v70-molchanov17a.html', { title: 'Variational Dropout Sparsifies Deep Neural Networks', firstAuthor: 'Molchanov, Dmitry' }],
    ['sites/cvf-cvpr2022-cole.html', { title: 'When Does Contrastive Visual Representation Learning Work?', firstAuthor: 'Cole, Elijah' }],
    ['sites/acl-P19-1472.html', { doi: '10.18653/v1/P19-1472', title: 'HellaSwag: Can a Machine Really Finish Your Sentence?', firstAuthor: 'Zellers, Rowan' }],
  ])('%s', (file, expected) => {
    expect(detect.citationRef(page(file, 'https://example.org/'))).toEqual(expected);
  });

  test('an arXiv id where a tag names one: citation_arxiv_id, an arXiv DOI, a PDF on arXiv', () => {
    const meta = (tags: string) => html(`<html><head>${tags}<meta name="citation_title" content="T"></head></html>`);
    expect(detect.citationRef(meta('<meta name="citation_arxiv_id" content="2004.11362">'))?.arxivId).toBe('2004.11362');
    expect(detect.citationRef(meta('<meta name="citation_doi" content="https://doi.org/10.48550/arXiv.2004.11362">'))).toEqual({ arxivId: '2004.11362', title: 'T' });
    expect(detect.citationRef(meta('<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2004.11362v5.pdf">'))?.arxivId).toBe('2004.11362');
    expect(detect.citationRef(meta('<meta name="citation_doi" content="not a doi">'))).toEqual({ title: 'T' });
  });

  test('a page without citation tags names no paper; oversized tags stay within the message bounds', () => {
    expect(detect.citationRef(html('<html><head><title>x</title></head></html>'))).toBeNull();
    const ref = detect.citationRef(html(`<html><head><meta name="citation_title" content="${'t'.repeat(5000)}"><meta name="citation_author" content="${'a'.repeat(900)}"></head></html>`));
    expect(PaperRefSchema.safeParse(ref).success).toBe(true);
  });
});

describe('Semantic Scholar', () => {
  test('paper page: the arXiv link in the header, never one from the reference list', () => {
    const doc = page('sites/s2-paper-mixmatch.html', 'https://www.semanticscholar.org/paper/x/0123456789abcdef0123456789abcdef01234567');
    expect(detect.semanticScholarRef(doc)).toEqual({ arxivId: '1905.02249', title: 'MixMatch: A Holistic Approach to Semi-Supervised Learning', firstAuthor: 'David Berthelot' });
    doc.querySelector('.paper-detail-page__links')!.remove();
    expect(detect.semanticScholarRef(doc)?.arxivId).toBeUndefined(); // the reference's arXiv link is not this paper's
  });

  test('search results: title and first author of each row', () => {
    const refs = detect.semanticScholarResults(page('sites/s2-search-contrastive.html', 'https://www.semanticscholar.org/search?q=x')).map((e) => e.ref);
    expect(refs).toEqual([
      { title: 'Supervised Contrastive Learning', firstAuthor: 'Prannay Khosla' },
      { title: 'A Simple Framework for Contrastive Learning of Visual Representations', firstAuthor: 'Ting Chen' },
      { title: 'When Does Contrastive Visual Representation Learning Work?', firstAuthor: 'Elijah Cole' },
    ]);
  });
});

describe('lists by id', () => {
  test('Hugging Face daily list: one entry per article, by the arXiv id its title links', () => {
    const listed = detect.huggingFaceListed(page('sites/hf-daily-2025-03-05.html', 'https://huggingface.co/papers/date/2025-03-05'));
    expect(listed.map((e) => e.ref)).toEqual([{ arxivId: '2502.14856' }, { arxivId: '2004.11362' }, { arxivId: '2503.00069' }, { arxivId: '1701.05369' }]);
    expect(listed.every((e) => e.anchor.closest('h3'))).toBe(true); // not the thumbnail link
  });

  test('OpenReview group page: forum ids and titles of its notes', () => {
    const refs = detect.openreviewListed(page('openreview-group-iclr2020.html', 'https://openreview.net/group?id=ICLR.cc/2020/Conference')).map((e) => e.ref);
    expect(refs).toEqual([
      { openreviewId: 'SylKikSYDH', title: 'Compressive Transformers for Long-Range Sequence Modelling' },
      { openreviewId: 'r1xMH1BtvB', title: 'ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators' },
    ]);
    expect(detect.openreviewListed(html('<li class="note"><h4><a href="/forum?id=x%22">junk</a></h4></li>'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** A WebExtension match pattern (scheme://host/path, `*` wildcards) as the browser applies it. */
function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  if (m[1] === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${m[1]}:`) return false;
  if (u.hostname !== m[2]) return false;
  const path = new RegExp(`^${m[3].replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return path.test(u.pathname + u.search);
}

// Which detectors each site's content script serves.
const SITE_DETECTORS: Record<string, string[]> = {
  'huggingface-papers': ['isHuggingFacePaper', 'isHuggingFaceList'],
  alphaxiv: ['isAlphaxivPaper'],
  'semantic-scholar': ['isSemanticScholarPaper', 'isSemanticScholarSearch'],
  'google-scholar': ['isGoogleScholarResults'],
  neurips: ['isNeuripsPaper'],
  pmlr: ['isPmlrPaper'],
  cvf: ['isCvfPaper'],
  'acl-anthology': ['isAclPaper'],
};

describe('content script registrations', () => {
  test('every opt-in site has detectors, and they are the sites of utils/optional-sites.ts', () => {
    expect(Object.keys(SITE_DETECTORS).sort()).toEqual(OPTIONAL_SITES.map((s) => s.id).sort());
  });

  for (const site of OPTIONAL_SITES) {
    test(`${site.id}: its patterns cover its pages, lie within its hosts, and match no other site's pages`, () => {
      const own = SITE_DETECTORS[site.id].flatMap((d) => getTests(d) ?? []).map(exampleUrl);
      for (const url of own) expect(site.matches.some((p) => matchesPattern(p, url)), url).toBe(true);
      for (const pattern of site.matches) expect(site.origins.some((o) => new URL(o.replace('*://', 'https://')).host === new URL(pattern.replace('*://', 'https://')).host), pattern).toBe(true);
      const others = [...getAllTests().entries()].filter(([name]) => name !== NO_MATCH && !SITE_DETECTORS[site.id].includes(name)).flatMap(([, urls]) => urls.map(exampleUrl));
      for (const url of others) expect(site.matches.some((p) => matchesPattern(p, url)), url).toBe(false);
    });
  }
});

// Walks the example URLs registered beside each detector (utils/detect/index.ts): every
// example matches its own detector and no other, names the paper we read from it, and the
// shared "match nothing" list matches no detector and no paper. Then the DOM readers.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import * as detect from '@/utils/detect';
import { examplePaper, exampleUrl, getAllTests, getTests, NO_MATCH } from '@/utils/detect/collector';
import { arxivIdFromUrl, openreviewIdFromUrl } from '@/utils/paper-id';

type UrlDetector = (url: URL | string) => boolean;

// Every exported isX that judges a URL (isOpenReviewChallenge judges a Document).
const detectors = Object.entries(detect as Record<string, unknown>).filter(
  (entry): entry is [string, UrlDetector] => /^is[A-Z]/.test(entry[0]) && entry[0] !== 'isOpenReviewChallenge',
);

// The opt-in sites' detectors (utils/detect/sites.ts): lists and proceedings pages name their
// papers in the page, not the URL.
const SITE_DETECTORS = ['isHuggingFacePaper', 'isAlphaxivPaper'];
const NO_PAPER_IN_URL = [
  'isArxivListing',
  'isHuggingFaceList',
  'isSemanticScholarPaper',
  'isSemanticScholarSearch',
  'isGoogleScholarResults',
  'isNeuripsPaper',
  'isPmlrPaper',
  'isCvfPaper',
  'isAclPaper',
  'isOpenReviewVenue',
];

/** 'hep-th/9901001v2' -> { id: 'hep-th/9901001', version: 2 }; anchored at the end, never split('v'). */
function expectedArxiv(paper: string) {
  const m = /^(.+?)(?:v(\d+))?$/.exec(paper)!;
  return { id: m[1], version: m[2] ? Number(m[2]) : null };
}

describe('detector collection', () => {
  test('every URL detector registers examples, and every registration names a detector', () => {
    const names = detectors.map(([name]) => name).sort();
    const registered = [...getAllTests().keys()].filter((k) => k !== NO_MATCH).sort();
    expect(registered).toEqual(names);
    for (const name of names) expect(getTests(name)?.length, name).toBeGreaterThan(0);
  });

  test('example URLs are unique across the collection', () => {
    const all = [...getAllTests().values()].flat().map(exampleUrl);
    expect(new Set(all).size).toBe(all.length);
  });

  for (const [name, detector] of detectors) {
    describe(name, () => {
      for (const example of getTests(name) ?? []) {
        const url = exampleUrl(example);
        test(`matches ${url} and no other detector does`, () => {
          expect(detector(new URL(url)), `${name} should match ${url}`).toBe(true);
          const others = detectors.filter(([other, d]) => other !== name && d(new URL(url))).map(([other]) => other);
          expect(others, `other detectors matching ${url}`).toEqual([]);
        });

        const paper = examplePaper(example);
        test(`reads ${paper ?? 'no paper'} from ${url}`, () => {
          if (paper === null) {
            expect(NO_PAPER_IN_URL, 'only listing and proceedings pages may omit the paper').toContain(name);
            expect(detect.paperRefFromUrl(url)).toBeNull();
          } else if (SITE_DETECTORS.includes(name)) {
            // Other sites' URLs that name an arXiv paper: the paper without version, read by the site's rules.
            expect(arxivIdFromUrl(url)).toBeNull();
            expect(detect.paperRefFromUrl(url)).toEqual({ arxivId: expectedArxiv(paper).id });
          } else if (paper.startsWith('openreview:')) {
            const id = paper.slice('openreview:'.length);
            expect(openreviewIdFromUrl(url)).toBe(id);
            expect(arxivIdFromUrl(url)).toBeNull();
            expect(detect.paperRefFromUrl(url)).toEqual({ openreviewId: id });
          } else {
            const expected = expectedArxiv(paper);
            expect(arxivIdFromUrl(url)).toEqual(expected);
            expect(openreviewIdFromUrl(url)).toBeNull();
            expect(detect.paperRefFromUrl(url)).toEqual({ arxivId: expected.id }); // no version
          }
        });
      }
    });
  }

  describe('URLs that match nothing', () => {
    for (const url of (getTests(NO_MATCH) ?? []).map(exampleUrl)) {
      test(url, () => {
        expect(detectors.filter(([, d]) => d(url)).map(([name]) => name)).toEqual([]);
        expect(detect.paperRefFromUrl(url)).toBeNull();
      });
    }
  });

  test('detectors take URL objects, strings and anything with an href (Location, <a>)', () => {
    const href = 'https://arxiv.org/abs/hep-th/9901001v2';
    const anchor = new JSDOM(`<a href="${href}">x</a>`).window.document.querySelector('a')!;
    expect(detect.isArxivAbs(new URL(href))).toBe(true);
    expect(detect.isArxivAbs(href)).toBe(true);
    expect(detect.isArxivAbs(anchor)).toBe(true);
    expect(detect.isArxivAbs('not a url')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

const fixture = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
const page = (html: string, url: string) => new JSDOM(html, { url }).window.document;

describe('paperRefFromDocument on real arXiv captures', () => {
  const abs2021 = fixture('arxiv-abs-2106.09608v2-2021.html');
  const head2023 = fixture('arxiv-abs-1902.02534v2-head-only-2023.html');

  test('2021 abs page: id from citation_arxiv_id, title and first author from meta', () => {
    const url = 'https://arxiv.org/abs/2106.09608';
    expect(detect.paperRefFromDocument(page(abs2021, url), new URL(url))).toEqual({
      arxivId: '2106.09608',
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      firstAuthor: 'Ammanabrolu, Prithviraj',
    });
  });

  test('the meta id wins over the URL (versioned, export. host)', () => {
    const url = 'https://export.arxiv.org/abs/2106.09608v1';
    expect(detect.paperRefFromDocument(page(abs2021, url), url)?.arxivId).toBe('2106.09608');
  });

  test('without meta tags the page heading and author links are read (descriptor "Title:" dropped)', () => {
    const url = 'https://arxiv.org/abs/2106.09608v2';
    const doc = page(abs2021, url);
    doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
    expect(detect.paperRefFromDocument(doc, url)).toEqual({
      arxivId: '2106.09608', // from the URL, version dropped
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      firstAuthor: 'Prithviraj Ammanabrolu',
    });
  });

  test('2023 head-only capture: everything from meta tags', () => {
    const url = 'https://arxiv.org/abs/1902.02534v2';
    expect(detect.paperRefFromDocument(page(head2023, url), url)).toEqual({
      arxivId: '1902.02534',
      title: 'Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal',
      firstAuthor: 'Heibi, Ivan',
    });
  });

  test('a garbage citation_arxiv_id falls back to the URL', () => {
    const url = 'https://arxiv.org/abs/1902.02534';
    const doc = page(head2023, url);
    doc.querySelector('meta[name="citation_arxiv_id"]')!.setAttribute('content', '9999.99999');
    expect(detect.paperRefFromDocument(doc, url)?.arxivId).toBe('1902.02534');
  });

  test('a page that is no paper gives null', () => {
    expect(detect.paperRefFromDocument(page(abs2021, 'https://arxiv.org/list/cs.AI/new'), 'https://arxiv.org/list/cs.AI/new')).toBeNull();
    expect(detect.paperRefFromDocument(page(abs2021, 'https://example.org/abs/2106.09608'), 'https://example.org/abs/2106.09608')).toBeNull();
  });

  test('PDF and format URLs give the id alone', () => {
    const doc = page('<html><body></body></html>', 'https://arxiv.org/pdf/2106.09608v2');
    expect(detect.paperRefFromDocument(doc, 'https://arxiv.org/pdf/2106.09608v2')).toEqual({ arxivId: '2106.09608' });
    expect(detect.paperRefFromDocument(doc, 'https://arxiv.org/format/hep-th/9901001')).toEqual({ arxivId: 'hep-th/9901001' });
  });
});

// Markup below follows LaTeXML output and openreview-web's components (ForumNote.js,
// LegacyForum.js, NoteAuthors.js); no real capture of these pages exists (see PROVENANCE.md).
describe('paperRefFromDocument on arXiv HTML papers', () => {
  const html = `<html><head><title>Denoising Likelihood Score Matching for Conditional Score-based Data Generation</title></head>
    <body><article class="ltx_document"><h1 class="ltx_title ltx_title_document">Denoising Likelihood Score Matching
      for Conditional Score-based Data Generation<span class="ltx_note ltx_role_thanks"><sup class="ltx_note_mark">†</sup>
      <span class="ltx_note_outer"><span class="ltx_note_content">Work done at NTHU.</span></span></span></h1>
      <div class="ltx_authors"><span class="ltx_creator ltx_role_author"><span class="ltx_personname">Chen-Hao Chao</span></span></div>
    </article></body></html>`;

  test('id from the URL, title from the LaTeXML heading without its footnote', () => {
    for (const url of ['https://arxiv.org/html/2203.14206v1', 'https://ar5iv.labs.arxiv.org/html/2203.14206']) {
      expect(detect.paperRefFromDocument(page(html, url), url)).toEqual({
        arxivId: '2203.14206',
        title: 'Denoising Likelihood Score Matching for Conditional Score-based Data Generation',
      });
    }
  });

  test('falls back to the document title', () => {
    const url = 'https://arxiv.org/html/2403.17537';
    const doc = page('<html><head><title>[2403.17537] NeRF-HuGS</title></head><body></body></html>', url);
    expect(detect.paperRefFromDocument(doc, url)).toEqual({ arxivId: '2403.17537', title: 'NeRF-HuGS' });
  });
});

describe('paperRefFromDocument on OpenReview forums', () => {
  const url = 'https://openreview.net/forum?id=LcF-EEt8cCC&referrer=%5BAuthor%20Console%5D';
  const title = 'Denoising Likelihood Score Matching for Conditional Score-based Data Generation';
  // App Router forum (ForumNote.js): metadata from generateMetadata, title h2, author line h3.
  const current = `<html><head><title>${title} | OpenReview</title>
    <meta name="citation_title" content="${title}"><meta name="citation_author" content="Chen-Hao Chao">
    <meta name="citation_author" content="Wei-Fang Sun"></head><body><main><div class="forum-container"><div class="forum-note">
    <div class="forum-title mt-2 mb-2"><h2 class="citation_title">${title}</h2>
      <div class="forum-content-link"><a class="citation_pdf_url" href="/pdf?id=LcF-EEt8cCC" title="Download PDF"><img alt="Download PDF"></a></div></div>
    <div class="forum-authors mb-2"><h3><span><a href="/profile?id=~Chen-Hao_Chao2" title="~Chen-Hao_Chao2">Chen-Hao Chao</a>, <a href="/profile?id=~Wei-Fang_Sun1">Wei-Fang Sun</a> </span></h3></div>
    </div></div></main></body></html>`;

  test('id from the URL, title and first author from meta', () => {
    expect(detect.paperRefFromDocument(page(current, url), url)).toEqual({ openreviewId: 'LcF-EEt8cCC', title, firstAuthor: 'Chen-Hao Chao' });
  });

  test('without meta: the title heading and the first author link', () => {
    const doc = page(current, url);
    doc.querySelectorAll('meta').forEach((m) => m.remove());
    expect(detect.paperRefFromDocument(doc, url)).toEqual({ openreviewId: 'LcF-EEt8cCC', title, firstAuthor: 'Chen-Hao Chao' });
  });

  test('authors with institutions (NoteAuthorsWithInstitutions): the name without its <sup> mark', () => {
    const doc = page(
      `<html><body><div class="forum-title"><h2 class="citation_title">${title}</h2></div>
       <div class="forum-authors mb-2"><h3><span><span class="note-author-with-institutions"><a href="/profile?id=~A_B1">Ana Bell</a><sup>1</sup></span>, <span class="note-author-with-institutions"><a href="/profile?id=~C_D1">Carl Dunn</a><sup>2</sup></span> </span>
       <div class="note-authors-institutions"><div><sup>1</sup> Uni (uni.edu)</div></div></h3></div></body></html>`,
      url,
    );
    expect(detect.paperRefFromDocument(doc, url)?.firstAuthor).toBe('Ana Bell');
  });

  test('legacy forum (LegacyForum.js) and an author without profile (plain span)', () => {
    const doc = page(
      `<html><body><div class="title_pdf_row"><h2 class="note_content_title citation_title">  ${title}
        <a class="note_content_pdf citation_pdf_url" href="/pdf?id=LcF-EEt8cCC" title="Download PDF"><img alt="Download PDF"></a></h2></div>
       <div class="meta_row"><h3 class="signatures author"><span><span>Chen-Hao Chao</span>, <a href="/profile?id=~X1">Someone Else</a></span></h3></div></body></html>`,
      url,
    );
    expect(detect.paperRefFromDocument(doc, url)).toEqual({ openreviewId: 'LcF-EEt8cCC', title, firstAuthor: 'Chen-Hao Chao' });
  });

  test('anonymous submissions give no first author', () => {
    const doc = page(
      `<html><head><meta name="citation_title" content="${title}"><meta name="citation_author" content="Anonymous"></head>
       <body><div class="forum-authors"><h3><span><span>Anonymous</span></span></h3></div></body></html>`,
      url,
    );
    expect(detect.paperRefFromDocument(doc, url)).toEqual({ openreviewId: 'LcF-EEt8cCC', title });
  });

  test('a page still loading (no title yet) gives the id alone', () => {
    const doc = page('<html><head><title>OpenReview</title></head><body><div class="spinner-container"></div></body></html>', url);
    expect(detect.paperRefFromDocument(doc, url)).toEqual({ openreviewId: 'LcF-EEt8cCC' });
  });

  test('the bot challenge ("Verifying your browser") is no paper', () => {
    const doc = page(
      '<html><head><title>Verifying your browser</title></head><body><h1>Verifying your browser...</h1><p>This is an automatic security check.</p></body></html>',
      url,
    );
    expect(detect.isOpenReviewChallenge(doc)).toBe(true);
    expect(detect.paperRefFromDocument(doc, url)).toBeNull();
    expect(detect.isOpenReviewChallenge(page(current, url))).toBe(false);
  });

  test('PDF URLs give the id alone; titles are bounded for the message schema', () => {
    const doc = page(`<html><head><meta name="citation_title" content="${'x'.repeat(5000)}"></head></html>`, url);
    expect(detect.paperRefFromDocument(doc, 'https://openreview.net/pdf?id=LcF-EEt8cCC')).toEqual({ openreviewId: 'LcF-EEt8cCC' });
    expect(detect.paperRefFromDocument(doc, url)?.title).toHaveLength(1000);
  });
});

// Markup from arxiv-browse browse/templates/list/list_macros.html (item_list, current and the
// pre-2023 `span.list-identifier` form) and arxiv-search templates/search/search-macros.html.
describe('listedArxivIds', () => {
  test('listing page: dt > a[title=Abstract], item is the dd', () => {
    const doc = page(
      `<div id="dlpage"><dl id="articles"><h3>New submissions</h3>
        <dt><a name="item1">[1]</a><a href ="/abs/2006.04768" title="Abstract" id="2006.04768">arXiv:2006.04768</a>
          [<a href="/pdf/2006.04768" title="Download PDF">pdf</a>, <a href="/format/2006.04768" title="Other formats">other</a>]</dt>
        <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Linformer</div></div></dd>
        <dt><a name="item2">[2]</a><a href ="/abs/hep-th/9901001" title="Abstract" id="hep-th/9901001">arXiv:hep-th/9901001</a></dt>
        <dd><div class="meta">old id</div></dd>
      </dl>
      <dl><dt><a name="item3">[3]</a>&nbsp; <span class="list-identifier"><a href="/abs/1410.0718" title="Abstract">arXiv:1410.0718</a>
        [<a href="/pdf/1410.0718" title="Download PDF">pdf</a>]</span></dt><dd>legacy markup</dd>
        <dt><a href="/abs/2113.00001" title="Abstract">arXiv:2113.00001</a></dt><dd>not a valid id</dd></dl></div>`,
      'https://arxiv.org/list/cs.LG/new',
    );
    const listed = detect.listedArxivIds(doc);
    expect(listed.map((p) => p.arxivId)).toEqual(['2006.04768', 'hep-th/9901001', '1410.0718']);
    expect(listed[0].anchor.textContent?.trim()).toBe('arXiv:2006.04768');
    expect(listed[0].item.tagName).toBe('DD');
    expect(listed[2].item.textContent).toBe('legacy markup');
  });

  test('search results: li.arxiv-result p.list-title a (absolute, sometimes versioned)', () => {
    const doc = page(
      `<ol class="breathe-horizontal" start="1">
        <li class="arxiv-result"><div class="is-marginless"><p class="list-title is-inline-block">
          <a href="https://arxiv.org/abs/2105.05837">arXiv:2105.05837</a>
          <span>&nbsp;[<a href="https://arxiv.org/pdf/2105.05837">pdf</a>]&nbsp;</span></p></div>
          <p class="title is-5 mathjax">When Does Contrastive Visual Representation Learning Work?</p></li>
        <li class="arxiv-result"><div class="is-marginless"><p class="list-title is-inline-block">
          <a href="https://arxiv.org/abs/2010.12050v2">arXiv:2010.12050v2</a></p></div></li>
      </ol>`,
      'https://arxiv.org/search/?query=contrastive+learning&searchtype=all',
    );
    const listed = detect.listedArxivIds(doc);
    expect(listed.map((p) => p.arxivId)).toEqual(['2105.05837', '2010.12050']);
    expect(listed[1].item.tagName).toBe('LI');
    expect(listed[0].anchor.getAttribute('href')).toBe('https://arxiv.org/abs/2105.05837');
  });

  test('pages without listings list nothing; links to other hosts are ignored', () => {
    const abs = page(fixture('arxiv-abs-2106.09608v2-2021.html'), 'https://arxiv.org/abs/2106.09608');
    expect(detect.listedArxivIds(abs)).toEqual([]);
    const evil = page('<dl><dt><a title="Abstract" href="https://evil.com/abs/2106.09608">x</a></dt></dl>', 'https://arxiv.org/list/cs.AI/new');
    expect(detect.listedArxivIds(evil)).toEqual([]);
  });
});

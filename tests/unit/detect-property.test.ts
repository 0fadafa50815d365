// Property tests (fast-check): random strings, random URLs and near misses thrown at every
// detector and at paperRefFromUrl never throw and never yield a paper that is not there;
// every valid id in every URL form is read back exactly, by exactly one detector.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import * as detect from '@/utils/detect';
import {
  AR5IV_HOSTS,
  ARXIV_HOSTS,
  OPENREVIEW_HOSTS,
  arxivIdFromUrl,
  openreviewIdFromUrl,
  parseArxivId,
} from '@/utils/paper-id';

const OUR_HOSTS = [...ARXIV_HOSTS, ...AR5IV_HOSTS, ...OPENREVIEW_HOSTS];
const urlDetectors = Object.entries(detect as Record<string, unknown>).filter(
  (e): e is [string, (u: string) => boolean] => /^is[A-Z]/.test(e[0]) && e[0] !== 'isOpenReviewChallenge',
);
const matching = (url: string) => urlDetectors.filter(([, d]) => d(url)).map(([name]) => name);
const RUNS = { numRuns: 400 };

/** Everything a URL can be asked, none of which may throw. */
function askEverything(input: string) {
  return {
    detectors: matching(input),
    ref: detect.paperRefFromUrl(input),
    arxiv: arxivIdFromUrl(input),
    openreview: openreviewIdFromUrl(input),
    parsed: parseArxivId(input),
  };
}

function hostOf(input: string): string | null {
  try {
    return new URL(input).hostname;
  } catch {
    return null;
  }
}

/** A paper found in a URL must be a valid id whose digits are in the URL, on one of our hosts. */
function assertNoFalsePaper(input: string) {
  const { detectors, ref } = askEverything(input);
  if (!ref) return;
  expect(OUR_HOSTS).toContain(hostOf(input));
  let decoded = input;
  try {
    decoded = decodeURIComponent(input);
  } catch {
    /* keep the raw form */
  }
  if (ref.arxivId) {
    expect(parseArxivId(ref.arxivId)).toEqual({ id: ref.arxivId, version: null });
    expect(decoded).toContain(ref.arxivId.replace(/^[a-z-]+\//, '').slice(0, 4)); // YYMM is in the URL
  }
  if (ref.openreviewId) expect(new URL(input).searchParams.get('id')).toBe(ref.openreviewId);
  expect(detectors.length).toBeLessThanOrEqual(1);
}

// Generators -----------------------------------------------------------------------------------

const THIS_YEAR = new Date().getUTCFullYear();
const OLD_ARCHIVES = ['hep-th', 'hep-ph', 'cs', 'math', 'cond-mat', 'solv-int', 'astro-ph', 'quant-ph', 'math-ph', 'nlin', 'q-bio', 'chao-dyn', 'gr-qc'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const newStyleId = fc
  .record({ year: fc.integer({ min: 2007, max: THIS_YEAR }), month: fc.integer({ min: 1, max: 12 }), num: fc.integer({ min: 1, max: 99999 }) })
  .filter(({ year, month }) => year > 2007 || month >= 4)
  .map(({ year, month, num }) => `${pad(year % 100, 2)}${pad(month, 2)}.${year >= 2015 ? pad(num, 5) : pad(num % 10000 || 1, 4)}`);

const oldStyleId = fc
  .record({
    archive: fc.constantFrom(...OLD_ARCHIVES),
    year: fc.integer({ min: 1991, max: 2007 }),
    month: fc.integer({ min: 1, max: 12 }),
    num: fc.integer({ min: 1, max: 999 }),
  })
  .filter(({ year, month }) => year < 2007 || month <= 3)
  .map(({ archive, year, month, num }) => `${archive}/${pad(year % 100, 2)}${pad(month, 2)}${pad(num, 3)}`);

const validId = fc.record({ id: fc.oneof(newStyleId, oldStyleId), version: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }) });

type Form = { detector: string; url: (host: string, idv: string, id: string) => string; hosts: readonly string[] };
const FORMS: Form[] = [
  { detector: 'isArxivAbs', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/abs/${idv}` },
  { detector: 'isArxivAbs', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/abs?id=${idv}` },
  { detector: 'isArxivAbs', hosts: ARXIV_HOSTS, url: (h, idv) => `http://${h}/abs/${idv.replace('/', '%2F')}` },
  { detector: 'isArxivPdf', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/pdf/${idv}` },
  { detector: 'isArxivPdf', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/pdf/${idv}.pdf` },
  { detector: 'isArxivHtml', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/html/${idv}` },
  { detector: 'isArxivHtml', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/html/${idv}/x1.png` },
  { detector: 'isArxivHtml', hosts: AR5IV_HOSTS, url: (h, idv) => `https://${h}/html/${idv}` },
  { detector: 'isArxivHtml', hosts: ['ar5iv.org'], url: (h, idv) => `https://${h}/abs/${idv}` },
  { detector: 'isArxivFormat', hosts: ARXIV_HOSTS, url: (h, idv) => `https://${h}/format/${idv}` },
];
const suffix = fc.constantFrom('', '/', '//', '?query', '#anchor', '?query#anchor', '/?x=1#y');

/** Hosts that look like ours but are not: look-alike domains, unlisted subdomains, typos. */
const nearMissHost = fc
  .tuple(fc.constantFrom(...OUR_HOSTS), fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.integer({ min: 0, max: 6 }))
  .map(([host, label, kind]) => {
    switch (kind) {
      case 0: return `${host}.${label}.com`; // arxiv.org.evil.com
      case 1: return `${label}${host}`; // notarxiv.org
      case 2: return `${label}.${host}`; // unlisted subdomain (evil.arxiv.org)
      case 3: return host.replace(/\./g, '-') + '.com'; // arxiv-org.com
      case 4: return host.replace(/\.(org|net)$/, '.co'); // arxiv.co
      case 5: return host.slice(0, -1); // arxiv.or
      default: return `${host}.`; // trailing dot: not the permission's host pattern
    }
  })
  .filter((h) => !OUR_HOSTS.includes(h));

const paperPath = fc.oneof(
  validId.map(({ id }) => `/abs/${id}`),
  validId.map(({ id }) => `/pdf/${id}.pdf`),
  validId.map(({ id }) => `/html/${id}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{9,11}$/).map((id) => `/forum?id=${id}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{9,11}$/).map((id) => `/pdf?id=${id}`),
);

// Properties -----------------------------------------------------------------------------------

describe('no exception, no false paper', () => {
  test('random strings (any code points)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme' })), (s) => {
        assertNoFalsePaper(s);
      }),
      { numRuns: 2000 },
    );
  });

  test('random web URLs on random hosts name no paper', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = hostOf(url);
        fc.pre(host !== null && !OUR_HOSTS.includes(host));
        const { detectors, ref } = askEverything(url);
        expect(detectors).toEqual([]);
        expect(ref).toBeNull();
      }),
      RUNS,
    );
  });

  test('random paths, queries and fragments on our hosts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OUR_HOSTS),
        fc.oneof(fc.webPath(), fc.constantFrom('/abs/', '/pdf/', '/html/', '/format/', '/ftp/arxiv/papers/', '/list/', '/search/', '/a/', '/forum', '/pdf').chain((p) => fc.webPath().map((w) => p + w.replace(/^\//, '')))),
        fc.webQueryParameters(),
        fc.webFragments(),
        (host, path, query, fragment) => assertNoFalsePaper(`https://${host}${path}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`),
      ),
      { numRuns: 1500 },
    );
  });

  test('look-alike hosts with a real paper path name no paper', () => {
    fc.assert(
      fc.property(nearMissHost, paperPath, fc.constantFrom('https', 'http'), (host, path, scheme) => {
        const url = `${scheme}://${host}${path}`;
        const { detectors, ref } = askEverything(url);
        expect(detectors).toEqual([]);
        expect(ref).toBeNull();
      }),
      RUNS,
    );
  });

  test('our hosts behind other schemes (javascript:, data:, file:, ftp:, blob:, extension pages) name no paper', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('javascript:', 'data:text/html,', 'file://', 'ftp://', 'blob:https://', 'chrome-extension://', 'moz-extension://', 'view-source:https://'),
        fc.constantFrom(...OUR_HOSTS),
        paperPath,
        (scheme, host, path) => {
          const url = `${scheme}${host}${path}`;
          expect(askEverything(url).detectors).toEqual([]);
          expect(detect.paperRefFromUrl(url)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  test('ids with bad months name no paper', () => {
    const badMonth = fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 }));
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 99 }), badMonth, fc.integer({ min: 1, max: 99999 }), fc.constantFrom(...ARXIV_HOSTS), (yy, mm, num, host) => {
        const id = `${pad(yy, 2)}${pad(mm, 2)}.${pad(num, 5)}`;
        expect(parseArxivId(id)).toBeNull();
        expect(parseArxivId(`hep-th/${pad(yy, 2)}${pad(mm, 2)}001`)).toBeNull();
        expect(detect.paperRefFromUrl(`https://${host}/abs/${id}`)).toBeNull();
        expect(detect.paperRefFromUrl(`https://${host}/pdf/hep-th/${pad(yy, 2)}${pad(mm, 2)}001`)).toBeNull();
      }),
      RUNS,
    );
  });

  test('numbers of the wrong length for their year name no paper', () => {
    fc.assert(
      fc.property(newStyleId, fc.stringMatching(/^\d{1,3}$|^\d{6,9}$/), fc.boolean(), (valid, digits, swapLength) => {
        const yymm = valid.slice(0, 4);
        const year = 2000 + Number(yymm.slice(0, 2));
        // Too short/long always; or the other era's length (5 digits before 2015, 4 from 2015).
        const num = swapLength ? (year >= 2015 ? '1234' : '12345') : digits;
        expect(parseArxivId(`${yymm}.${num}`)).toBeNull();
        expect(detect.paperRefFromUrl(`https://arxiv.org/abs/${yymm}.${num}`)).toBeNull();
        expect(detect.paperRefFromUrl(`https://arxiv.org/pdf/${yymm}.${num}v2.pdf`)).toBeNull();
      }),
      RUNS,
    );
  });

  test('OpenReview ids with characters outside [A-Za-z0-9_-] name no paper', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 20 }).filter((s) => /[^A-Za-z0-9_-]/.test(s)), (id) => {
        expect(detect.paperRefFromUrl(`https://openreview.net/forum?id=${encodeURIComponent(id)}`)).toBeNull();
      }),
      RUNS,
    );
  });
});

describe('every valid id in every URL form', () => {
  test('is read back exactly (id and version), by exactly its own detector', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...FORMS), fc.nat(), suffix, ({ id, version }, form, hostIndex, tail) => {
        const idv = version ? `${id}v${version}` : id;
        const host = form.hosts[hostIndex % form.hosts.length];
        let url = form.url(host, idv, id);
        if (!url.includes('?')) url += tail; // keep the query forms' own ?id=
        expect(arxivIdFromUrl(url)).toEqual({ id, version });
        expect(detect.paperRefFromUrl(url)).toEqual({ arxivId: id });
        expect(matching(url)).toEqual([form.detector]);
        expect(parseArxivId(idv)).toEqual({ id, version });
      }),
      { numRuns: 1000 },
    );
  });

  test('OpenReview ids of any [A-Za-z0-9_-] shape are read from forum and pdf URLs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{6,24}$/), fc.constantFrom('forum', 'pdf'), suffix, (id, page, tail) => {
        const url = `https://openreview.net/${page}?id=${id}${tail.startsWith('?') ? tail.replace('?', '&') : tail.startsWith('#') ? tail : ''}`;
        expect(detect.paperRefFromUrl(url)).toEqual({ openreviewId: id });
        expect(matching(url)).toEqual([page === 'forum' ? 'isOpenReviewForum' : 'isOpenReviewPdf']);
      }),
      RUNS,
    );
  });
});

describe('hostile page content', () => {
  test('paperRefFromDocument never throws and keeps within the message bounds', () => {
    const url = fc.constantFrom('https://arxiv.org/abs/2106.09608v2', 'https://arxiv.org/html/2106.09608', 'https://openreview.net/forum?id=LcF-EEt8cCC');
    fc.assert(
      fc.property(url, fc.string({ maxLength: 3000 }), fc.string({ maxLength: 2000 }), fc.string({ maxLength: 300 }), (href, title, author, body) => {
        const doc = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: href }).window.document;
        for (const [name, content] of [['citation_title', title], ['citation_author', author], ['citation_arxiv_id', body]]) {
          const m = doc.createElement('meta');
          m.setAttribute('name', name);
          m.setAttribute('content', content);
          doc.head.append(m);
        }
        doc.body.innerHTML = body;
        const ref = detect.paperRefFromDocument(doc, href);
        if (ref === null) return; // only a page that reads as a bot challenge
        expect(ref.title?.length ?? 0).toBeLessThanOrEqual(1000);
        expect(ref.firstAuthor?.length ?? 0).toBeLessThanOrEqual(300);
        // On abs pages a valid citation_arxiv_id wins; junk never does.
        const metaId = href.includes('/abs/') ? parseArxivId(body)?.id : undefined;
        if (ref.arxivId) expect(ref.arxivId).toBe(metaId ?? '2106.09608');
        if (ref.openreviewId) expect(ref.openreviewId).toBe('LcF-EEt8cCC');
      }),
      { numRuns: 150 },
    );
  });

  test('listedArxivIds only lists valid arXiv abs links', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.webUrl(), paperPath, fc.string()), { maxLength: 8 }), (hrefs) => {
        const doc = new JSDOM('<dl></dl><ol></ol>', { url: 'https://arxiv.org/list/cs.AI/new' }).window.document;
        for (const href of hrefs) {
          const dt = doc.createElement('dt');
          const a = doc.createElement('a');
          a.setAttribute('title', 'Abstract');
          a.setAttribute('href', href);
          dt.append(a);
          doc.querySelector('dl')!.append(dt, doc.createElement('dd'));
        }
        for (const listed of detect.listedArxivIds(doc)) {
          expect(parseArxivId(listed.arxivId)).toEqual({ id: listed.arxivId, version: null });
          expect(listed.anchor.getAttribute('href')).toContain('/abs');
        }
      }),
      { numRuns: 200 },
    );
  });
});

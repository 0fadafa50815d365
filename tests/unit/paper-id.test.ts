// Parsing and normalising arXiv / OpenReview ids, including the mistakes other extensions make.
import { describe, expect, test } from 'vitest';
import {
  arxivIdFromUrl,
  arxivRouteFromUrl,
  formatArxivId,
  openreviewIdFromUrl,
  openreviewRouteFromUrl,
  parseArxivId,
} from '@/utils/paper-id';
import { paperRefFromUrl } from '@/utils/detect';

describe('parseArxivId', () => {
  test.each([
    ['0704.0001', '0704.0001', null], // first new-style id (April 2007)
    ['1410.0718', '1410.0718', null], // 4 digits until December 2014
    ['1501.00001', '1501.00001', null], // 5 digits from January 2015
    ['2106.09608v2', '2106.09608', 2],
    ['2106.09608V2', '2106.09608', 2],
    ['2106.09608v12', '2106.09608', 12],
    ['arXiv:2106.09608v1', '2106.09608', 1],
    ['  2106.09608 ', '2106.09608', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['hep-th/9901001v3', 'hep-th/9901001', 3],
    ['HEP-TH/9901001', 'hep-th/9901001', null], // arXiv lower-cases the archive
    ['cs/9605103', 'cs/9605103', null],
    ['solv-int/9901001', 'solv-int/9901001', null],
    ['solv-int/9901001v2', 'solv-int/9901001', 2],
    ['math.GT/0309136', 'math/0309136', null], // subject class is not part of the id (arXiv drops it too)
    ['physics.acc-ph/0101001', 'physics/0101001', null],
    ['cond-mat.mtrl-sci/0408502', 'cond-mat/0408502', null],
    ['astro-ph/9107001', 'astro-ph/9107001', null], // 1991
    ['quant-ph/0703001', 'quant-ph/0703001', null], // last month of old ids
    ['arXiv:hep-th/9901001', 'hep-th/9901001', null],
  ])('%s -> %s v%s', (text, id, version) => {
    expect(parseArxivId(text)).toEqual({ id, version });
  });

  test.each([
    '', 'abc', '2106', '2106.', '2106.096', '2106.9608', '2106.096081', '21060.9608',
    '2113.00001', // month 13
    '2100.00001', // month 00
    '1412.12345', // 5 digits before 2015
    '1501.1234', // 4 digits from 2015
    '0703.1234', // new style before April 2007
    '0612.1234',
    '9912.12345', // the future
    '2106.00000', // number 0
    '2106.09608v0', '2106.09608v', '2106.09608va', '2106.09608v1234',
    '2106.09608/extra', 'x2106.09608', '2106.09608.pdf',
    '9901001', // a bare old-style number is not an id: old ids keep their archive
    'hep-th/990100', 'hep-th/99010011', 'hep-th/9913001', 'hep-th/9900001', 'hep-th/9901000',
    'hep-th/0704001', // old style ended March 2007
    'hep-th/9001001', // before 1991
    'evil/9901001', 'stat/0101001', // stat began with new-style ids
    'hep-th9901001', 'hep-th//9901001', '/hep-th/9901001', 'math.G/0309136',
    'hep-th/9901001v0',
    'x'.repeat(100),
  ])('rejects %j', (text) => {
    expect(parseArxivId(text)).toBeNull();
  });

  test('never throws on non-strings coming from untyped pages', () => {
    expect(parseArxivId(undefined as unknown as string)).toBeNull();
    expect(parseArxivId(42 as unknown as string)).toBeNull();
  });

  test('formatArxivId puts the version back', () => {
    expect(formatArxivId({ id: 'solv-int/9901001', version: 2 })).toBe('solv-int/9901001v2');
    expect(formatArxivId({ id: '2106.09608', version: null })).toBe('2106.09608');
  });
});

// Bugs seen in other paper extensions and scripts, one test each.
describe('known failures of other extensions', () => {
  test('old-style ids are not cut to their number', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/hep-th/9901001')?.id).toBe('hep-th/9901001');
    expect(arxivIdFromUrl('https://arxiv.org/pdf/cs/9605103.pdf')?.id).toBe('cs/9605103');
    expect(paperRefFromUrl('https://arxiv.org/abs/cond-mat/0408502v1')).toEqual({ arxivId: 'cond-mat/0408502' });
    expect(arxivIdFromUrl('https://arxiv.org/abs/9901001')).toBeNull();
  });

  test("version stripping does not split on 'v' (solv-int)", () => {
    const naive = 'solv-int/9901001v2'.split('v')[0]; // what `id.split('v')[0]` does
    expect(naive).toBe('sol');
    expect(parseArxivId('solv-int/9901001v2')).toEqual({ id: 'solv-int/9901001', version: 2 });
    expect(paperRefFromUrl('https://arxiv.org/abs/solv-int/9901001v2')).toEqual({ arxivId: 'solv-int/9901001' });
    expect(paperRefFromUrl('https://arxiv.org/pdf/solv-int/9901001')).toEqual({ arxivId: 'solv-int/9901001' });
  });

  test('/html/ pages (arXiv and ar5iv) are papers too', () => {
    expect(arxivRouteFromUrl('https://arxiv.org/html/2403.17537v1')).toEqual({ form: 'html', arxivId: { id: '2403.17537', version: 1 } });
    expect(paperRefFromUrl('https://arxiv.org/html/2403.17537v1/#S2')).toEqual({ arxivId: '2403.17537' });
    expect(paperRefFromUrl('https://ar5iv.labs.arxiv.org/html/1512.03385')).toEqual({ arxivId: '1512.03385' });
  });

  test('5-digit ids are not truncated to 4 and 4-digit ids are not padded', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/2106.09608')?.id).toBe('2106.09608');
    expect(arxivIdFromUrl('https://arxiv.org/abs/1410.0718')?.id).toBe('1410.0718');
  });
});

describe('arxivRouteFromUrl forms', () => {
  test.each([
    ['https://arxiv.org/ps/2106.09608v1', 'ps', '2106.09608', 1], // PostScript download: a paper, not a page type
    ['https://arxiv.org/ps/hep-th/9901001', 'ps', 'hep-th/9901001', null],
    ['https://arxiv.org/abs/math.GT%2F0309136v2', 'abs', 'math/0309136', 2], // encoded slash with subject class
    ['https://arxiv.org/pdf/hep-th%2F9901001v1.pdf', 'pdf', 'hep-th/9901001', 1],
    ['https://ar5iv.labs.arxiv.org/html/hep-th/9901001/', 'html', 'hep-th/9901001', null],
    ['https://ar5iv.org/abs/cs/9605103', 'html', 'cs/9605103', null],
    ['https://arxiv.org/abs?id=cs/9605103&fmt=txt', 'abs', 'cs/9605103', null],
  ])('%s -> %s %s', (url, form, id, version) => {
    expect(arxivRouteFromUrl(url)).toEqual({ form, arxivId: { id, version } });
  });

  test.each([
    'https://arxiv.org/abs/%E0%A4%A', // malformed escape
    'https://arxiv.org/abs/2106.09608/extra',
    'https://arxiv.org/pdf/2106.09608.pdf.pdf',
    'https://arxiv.org/ftp/arxiv/papers/1110/1110.2832', // ftp files end in .pdf
    'https://arxiv.org/ftp/arxiv/papers/11100/1110.2832.pdf',
    'https://arxiv.org/ftp/hep-th/papers/9901/9902001.pdf', // folder and file disagree
    'https://ar5iv.org/pdf/1512.03385', // ar5iv serves HTML only
    'https://arxiv.org/abs?id=', 'https://arxiv.org/abs?id=junk', 'https://arxiv.org/abs?archive=hep-th',
    'https://arxiv.org/abs?2106.09608', // the singleton form is old-style only (bare_abs)
    'https://ARXIV.org/ABS/2106.09608', // paths are case-sensitive (the host is not)
    'not a url', '', '//arxiv.org/abs/2106.09608',
  ])('no paper in %j', (url) => {
    expect(arxivRouteFromUrl(url)).toBeNull();
  });

  test('hosts are case-insensitive as browsers report them lower-cased', () => {
    expect(arxivIdFromUrl('https://ArXiv.org/abs/2106.09608')?.id).toBe('2106.09608');
  });
});

describe('openreviewIdFromUrl', () => {
  test.each([
    ['https://openreview.net/forum?id=LcF-EEt8cCC', 'forum', 'LcF-EEt8cCC'],
    ['https://openreview.net/forum?id=rkHywl-A-&noteId=rkHywl-A-', 'forum', 'rkHywl-A-'],
    ['https://openreview.net/forum?referrer=%5BAuthor%20Console%5D(%2Fgroup%3Fid%3DICLR.cc)&id=S1_pAu9xl', 'forum', 'S1_pAu9xl'],
    ['https://openreview.net/pdf?id=GY6-6sTvGaf', 'pdf', 'GY6-6sTvGaf'],
    ['https://openreview.net/attachment?id=GY6-6sTvGaf&name=pdf', 'pdf', 'GY6-6sTvGaf'],
    ['https://openreview.net/attachment?id=GY6-6sTvGaf', 'pdf', 'GY6-6sTvGaf'],
  ])('%s -> %s %s', (url, form, id) => {
    expect(openreviewRouteFromUrl(url)).toEqual({ form, openreviewId: id });
    expect(openreviewIdFromUrl(url)).toBe(id);
  });

  test.each([
    'https://openreview.net/forum?id=LcF-EEt8cCC%20',
    'https://openreview.net/forum?id=LcF.EEt8cCC',
    'https://openreview.net/forum?id=~Yoshua_Bengio1',
    'https://openreview.net/forum?id=' + 'a'.repeat(40),
    'https://openreview.net/revisions?id=LcF-EEt8cCC',
    'https://openreview.net/notes/edits/attachment?id=LcF-EEt8cCC&name=pdf', // an edit id, not the note
    'https://openreview.net/attachment?id=LcF-EEt8cCC&name=supplementary_material',
    'https://arxiv.org/forum?id=LcF-EEt8cCC',
  ])('no paper in %s', (url) => {
    expect(openreviewIdFromUrl(url)).toBeNull();
  });
});

// Paper identity: aliases from what pages show, the title rule that must never join two
// different papers, and the resolve plan (which paper, which merges) in its pure form.
import { describe, expect, it } from 'vitest';
import { aliasesOf, arxivAlias, doiAlias, openreviewAlias, titleAlias } from '../../utils/identity/aliases';
import { compatible, planResolve } from '../../utils/identity/resolve';
import { planNoteMerge, unionStatus } from '../../utils/identity/merge';
import type { NoteRow } from '../../utils/db';

describe('aliases from a page', () => {
  it('arXiv ids without version, old and new style', () => {
    expect(arxivAlias('2106.09608v3')).toBe('arxiv:2106.09608');
    expect(arxivAlias('arXiv:1706.03762')).toBe('arxiv:1706.03762');
    expect(arxivAlias('hep-th/9901001v2')).toBe('arxiv:hep-th/9901001');
    expect(arxivAlias('math.GT/0309136')).toBe('arxiv:math/0309136');
    expect(arxivAlias('solv-int/9901001v1')).toBe('arxiv:solv-int/9901001');
    expect(arxivAlias('evil/9901001')).toBeNull();
    expect(arxivAlias('')).toBeNull();
  });
  it('OpenReview forum ids and DOIs (arXiv DOIs are arXiv ids)', () => {
    expect(openreviewAlias('rkHywl-A-')).toBe('openreview:rkHywl-A-');
    expect(openreviewAlias('../etc')).toBeNull();
    expect(doiAlias('10.1038/Nature14539')).toBe('doi:10.1038/nature14539');
    expect(doiAlias('https://doi.org/10.1145/3065386')).toBe('doi:10.1145/3065386');
    expect(doiAlias('10.48550/arXiv.1706.03762')).toBe('arxiv:1706.03762');
    expect(doiAlias('not a doi')).toBeNull();
  });
  it('every alias of a page, strongest first', () => {
    expect(aliasesOf({ openreviewId: 'rkHywl-A-', title: 'Attention Is All You Need', firstAuthor: 'Ashish Vaswani', arxivId: '1706.03762v5' })).toEqual([
      'arxiv:1706.03762',
      'openreview:rkHywl-A-',
      'title:attention is all you need|vaswani',
    ]);
  });
});

describe('the title rule', () => {
  const vaswani = 'Vaswani, Ashish';
  it('matches the same title and first author across sites (case, accents, punctuation, LaTeX, name order)', () => {
    const a = titleAlias('Attention Is All You Need', 'Ashish Vaswani');
    expect(titleAlias('attention is all you need.', vaswani)).toBe(a);
    expect(titleAlias('Attention  is  all you need', 'A. Vaswani')).toBe(a);
    expect(titleAlias('Fast $k$-Means Clustering for Big Data', 'Ricky T. Q. Chen')).toBe(titleAlias('Fast k-means clustering for big data', 'Chen, Ricky'));
    expect(titleAlias('Über die Quantenmechanik der Elektronen', 'Félix Bloch')).toBe(titleAlias('Uber die Quantenmechanik der Elektronen', 'Felix Bloch'));
  });
  it('near-identical titles with different first authors stay apart', () => {
    expect(titleAlias('Attention Is All You Need', 'Ashish Vaswani')).not.toBe(titleAlias('Attention Is All You Need', 'Noam Shazeer'));
    expect(titleAlias('Attention Is All You Need', 'Ashish Vaswani')).not.toBe(titleAlias('Attention Is Not All You Need', 'Ashish Vaswani'));
    expect(titleAlias('Attention Is All You Need', 'Ashish Vaswani')).not.toBe(titleAlias('Attention Is All You Need 2', 'Ashish Vaswani'));
  });
  it('replies, comments and corrections are never matched by title', () => {
    for (const t of ['Comment on "Attention Is All You Need"', 'Comments on attention is all you need', 'Reply to Comment on Attention Is All You Need', 'Response to the comment on Attention', 'Erratum: Attention Is All You Need', 'Corrigendum to Attention Is All You Need', 'Correction to: Attention Is All You Need', 'Addendum to Attention Is All You Need', 'A comment on attention is all you need'])
      expect(titleAlias(t, 'Ashish Vaswani')).toBeNull();
  });
  it('short generic titles, missing authors and missing titles give no title alias', () => {
    expect(titleAlias('Deep learning', 'Yann LeCun')).toBeNull();
    expect(titleAlias('Introduction', 'Someone Else')).toBeNull();
    expect(titleAlias('Attention Is All You Need', '')).toBeNull();
    expect(titleAlias('Attention Is All You Need', null)).toBeNull();
    expect(titleAlias('', 'Ashish Vaswani')).toBeNull();
    expect(titleAlias('!!!', 'Ashish Vaswani')).toBeNull();
  });
  it('a title match never overrides an id: two papers with different arXiv ids stay apart', () => {
    const t = titleAlias('Attention Is All You Need', 'Ashish Vaswani')!;
    const owner = new Map([[t, 'arxiv:1706.03762']]);
    const paperAliases = new Map([['arxiv:1706.03762', ['arxiv:1706.03762', t]]]);
    // Same title and first author, another arXiv id (a different paper posted with the same title).
    const plan = planResolve(['arxiv:2406.00001', t], owner, paperAliases);
    expect(plan).toEqual({ paperId: 'arxiv:2406.00001', create: true, merge: [], add: ['arxiv:2406.00001'] });
    // Two OpenReview forums with the same title (a resubmission) also stay apart.
    const owner2 = new Map([[t, 'openreview:ForumOne1']]);
    const pa2 = new Map([['openreview:ForumOne1', ['openreview:ForumOne1', t]]]);
    expect(planResolve(['openreview:ForumTwo2', t], owner2, pa2)!.paperId).toBe('openreview:ForumTwo2');
  });
  it('versions titled differently stay one paper through the arXiv id', () => {
    const v1 = titleAlias('Learning to Fly Quickly', 'Ada Lovelace')!;
    const v2 = titleAlias('Learning to Fly Quickly and Safely', 'Ada Lovelace')!;
    const owner = new Map([['arxiv:2001.00001', 'arxiv:2001.00001'], [v1, 'arxiv:2001.00001']]);
    const pa = new Map([['arxiv:2001.00001', ['arxiv:2001.00001', v1]]]);
    expect(planResolve(['arxiv:2001.00001', v2], owner, pa)).toEqual({ paperId: 'arxiv:2001.00001', create: false, merge: [], add: [v2] });
    // ...and a page showing only the new title (no id) does not match by the old one.
    expect(planResolve(['openreview:NewTitle1', v2], new Map(), new Map())!.create).toBe(true);
  });
});

describe('resolving aliases to one paper', () => {
  const t = 'title:learning knowledge graph based world models|ammanabrolu';
  it('a new paper is named after the strongest alias the page shows', () => {
    expect(planResolve(['arxiv:2106.09608', t], new Map(), new Map())).toEqual({ paperId: 'arxiv:2106.09608', create: true, merge: [], add: ['arxiv:2106.09608', t] });
  });
  it('the OpenReview forum of a paper first seen on arXiv joins it by title + first author', () => {
    const owner = new Map([['arxiv:2106.09608', 'arxiv:2106.09608'], [t, 'arxiv:2106.09608']]);
    const pa = new Map([['arxiv:2106.09608', ['arxiv:2106.09608', t]]]);
    expect(planResolve(['openreview:ForumAbc12', t], owner, pa)).toEqual({ paperId: 'arxiv:2106.09608', create: false, merge: [], add: ['openreview:ForumAbc12'] });
  });
  it('a corpus row that links two known papers merges them into the one the page names first', () => {
    const owner = new Map([['arxiv:2106.09608', 'arxiv:2106.09608'], ['openreview:ForumAbc12', 'openreview:ForumAbc12']]);
    const pa = new Map([['arxiv:2106.09608', ['arxiv:2106.09608']], ['openreview:ForumAbc12', ['openreview:ForumAbc12']]]);
    expect(planResolve(['openreview:ForumAbc12', 'arxiv:2106.09608'], owner, pa)).toEqual({ paperId: 'openreview:ForumAbc12', create: false, merge: ['arxiv:2106.09608'], add: [] });
  });
  it('a corpus row that disagrees with what the page shows is ignored', () => {
    const owner = new Map([['arxiv:1111.11111', 'arxiv:1111.11111']]);
    const pa = new Map([['arxiv:1111.11111', ['arxiv:1111.11111', 'openreview:ForumAbc12']]]);
    expect(planResolve(['arxiv:2106.09608', 'arxiv:1111.11111'], owner, pa)).toEqual({ paperId: 'arxiv:2106.09608', create: true, merge: [], add: ['arxiv:2106.09608'] });
  });
  it('legacy title keys find a paper only when the page shows no id, and are never attached', () => {
    const owner = new Map([['title:some paper', 'title:some paper']]);
    const pa = new Map([['title:some paper', ['title:some paper']]]);
    expect(planResolve([], owner, pa, ['title:some paper'])!.paperId).toBe('title:some paper');
    expect(planResolve(['arxiv:2106.09608'], owner, pa, ['title:some paper'])!.paperId).toBe('arxiv:2106.09608');
    expect(planResolve([], new Map(), new Map(), ['title:some paper'])).toBeNull();
  });
  it('compatibility: one id per kind (a versioned old key is the same arXiv id)', () => {
    expect(compatible(['arxiv:2106.09608', 'arxiv:2106.09608v2', 'openreview:ForumAbc12', t, 'title:other title words|x'])).toBe(true);
    expect(compatible(['arxiv:2106.09608', 'arxiv:2106.09609'])).toBe(false);
    expect(compatible(['doi:10.1/a', 'doi:10.1/b'])).toBe(false);
  });
});

describe('merging two notes of one paper', () => {
  const row = (paperKey: string, text: string, updatedAt: number, extra: Partial<NoteRow> = {}): NoteRow => ({
    paperKey, text, tags: [], status: 'none', title: null, createdAt: updatedAt - 1, updatedAt, rev: 2, textRev: 2, ...extra,
  });
  it('keeps the newer text, the other as a merge revision, tags and status unioned, a notice', () => {
    const plan = planNoteMerge('a', row('a', 'old text', 10, { tags: ['x'], status: 'to-read' }), row('b', 'new text', 20, { tags: ['y', 'x'], status: 'read', rev: 7 }), 30);
    expect(plan.note).toMatchObject({ paperKey: 'a', text: 'new text', tags: ['x', 'y'], status: 'read', rev: 8, textRev: 8, createdAt: 9 });
    expect(plan.note!.merged).toMatchObject({ otherText: 'old text', at: 30 });
    expect(plan.revision).toMatchObject({ paperKey: 'a', text: 'old text', reason: 'merge' });
  });
  it('moves a lone note, and joins equal texts without a notice', () => {
    expect(planNoteMerge('a', undefined, row('b', 'only', 5), 9).note).toMatchObject({ paperKey: 'a', text: 'only' });
    const same = planNoteMerge('a', row('a', 'same', 5), row('b', 'same', 6), 9);
    expect(same.revision).toBeNull();
    expect(same.note!.merged ?? null).toBeNull();
  });
  it('status union', () => {
    expect(unionStatus('none', 'to-read')).toBe('to-read');
    expect(unionStatus('read', 'to-read')).toBe('read');
  });
});

// Schema v2 -> v3 (paper identities): a database written by today's v2 schema, holding notes and
// history under every key form (arxiv:, openreview:, title:, summary:) and a corpus, opens with
// the current SummaryLensDB; every note and revision is still there, each key is a paper with
// its aliases, and keys that name one corpus paper are merged without losing text.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SummaryLensDB, type SummaryRow } from '../../utils/db';
import { toSummaryRow } from '../../utils/corpus/install';
import type { PackSummary } from '../../utils/corpus/pack';

// The v1 and v2 schemas exactly as releases 1 and 2 declared them.
const V1_STORES = {
  summaries: 'id, packId, arxivId, openreviewId, [titleKey+authorKey], titleKey',
  concepts: 'id, packId',
  packs: 'id',
  notes: 'paperKey, updatedAt',
  revisions: '++id, paperKey, savedAt',
};
const V2_NOTES = 'paperKey, updatedAt, *tags, status';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function summary(id: string, paper: Partial<PackSummary['paper']>): SummaryRow {
  return toSummaryRow('builtin', {
    id,
    markdown: 'm',
    html: '<p>m</p>',
    truncated: false,
    sources: [],
    related: [],
    concepts: [],
    paper: { arxivId: null, openreviewId: null, title: null, authors: [], year: 2021, venue: null, confidence: 'high', evidence: [], reason: null, ...paper },
  });
}

const note = (paperKey: string, text: string, updatedAt: number, extra: object = {}) => ({
  paperKey, text, tags: [], status: 'none', title: null, createdAt: updatedAt - 10, updatedAt, rev: 3, textRev: 3, ...extra,
});

/** A v2 database as the previous release left it. */
async function writeV2(name: string) {
  names.push(name);
  const v2 = new Dexie(name);
  v2.version(1).stores(V1_STORES);
  v2.version(2).stores({ notes: V2_NOTES });
  await v2.open();
  await v2.table('summaries').bulkPut([
    // A corpus paper known on both sites (a later corpus gave its OpenReview entry the arXiv id).
    summary('s-both', { arxivId: '1706.03762', openreviewId: 'rkHywl-A-', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }),
    // A corpus paper with only a title: notes were keyed summary:<id>.
    summary('s-untitled-ids', { title: 'A Paper Only The Corpus Knows', authors: ['Jane Doe'] }),
    summary('s-title', { title: 'Neural Ordinary Differential Equations', authors: ['Ricky Chen'] }),
  ]);
  await v2.table('notes').bulkAdd([
    note('arxiv:1706.03762', 'Written on the arXiv page.', 5000, { tags: ['transformers'], status: 'to-read', title: 'Attention Is All You Need' }),
    note('openreview:rkHywl-A-', 'Written on the OpenReview page.', 6000, { tags: ['iclr'], status: 'read' }),
    note('summary:s-untitled-ids', 'Keyed by summary id.', 3000),
    note('title:neural ordinary differential equations', 'Keyed by title.', 2000),
    note('arxiv:2501.00001', 'Outside the corpus.', 1000, { title: 'A Paper Outside The Corpus' }),
    note('openreview:OutsideF1', 'OpenReview paper outside the corpus.', 1500),
  ]);
  await v2.table('revisions').bulkAdd([
    { paperKey: 'arxiv:1706.03762', text: 'older arXiv text', tags: [], savedAt: 4000, reason: 'edit' },
    { paperKey: 'openreview:rkHywl-A-', text: 'older OpenReview text', tags: [], savedAt: 4500, reason: 'edit' },
    // History of a deleted note: its paper must survive too.
    { paperKey: 'title:a deleted paper', text: 'deleted text', tags: [], savedAt: 900, reason: 'delete', title: 'A Deleted Paper' },
  ]);
  expect(v2.verno).toBe(2);
  v2.close();
}

describe('database migration from schema v2 to paper identities', () => {
  it('keeps every text, makes each key a paper with aliases, merges keys of one corpus paper', async () => {
    const name = `sl-identity-migration-${Math.random().toString(36).slice(2)}`;
    await writeV2(name);
    const db = new SummaryLensDB(name);
    await db.open();
    expect(db.verno).toBe(4);

    const notes = await db.notes.orderBy('paperKey').toArray();
    expect(notes.map((n) => n.paperKey)).toEqual(['arxiv:1706.03762', 'arxiv:2501.00001', 'openreview:OutsideF1', 'summary:s-untitled-ids', 'title:neural ordinary differential equations']);

    // The two notes of the corpus paper became one: the newer text is the note, the other a
    // 'merge' revision, tags and statuses unioned, the user told once.
    const both = notes[0];
    expect(both).toMatchObject({ text: 'Written on the OpenReview page.', tags: ['transformers', 'iclr'], status: 'read', title: 'Attention Is All You Need' });
    expect(both.merged).toMatchObject({ otherText: 'Written on the arXiv page.' });
    expect(both.rev).toBeGreaterThan(3);
    const history = await db.revisions.where('paperKey').equals('arxiv:1706.03762').toArray();
    expect(history.map((r) => r.text).sort()).toEqual(['Written on the arXiv page.', 'older OpenReview text', 'older arXiv text']);
    expect(history.find((r) => r.text === 'Written on the arXiv page.')!.reason).toBe('merge');

    // Every old key is an alias of its paper, next to the corpus row's aliases.
    const owner = async (alias: string) => (await db.aliases.get(alias))?.paperId;
    expect(await owner('arxiv:1706.03762')).toBe('arxiv:1706.03762');
    expect(await owner('openreview:rkHywl-A-')).toBe('arxiv:1706.03762');
    expect(await owner('title:attention is all you need|vaswani')).toBe('arxiv:1706.03762');
    expect(await owner('summary:s-both')).toBe('arxiv:1706.03762');
    expect(await owner('summary:s-untitled-ids')).toBe('summary:s-untitled-ids');
    expect(await owner('title:a paper only the corpus knows|doe')).toBe('summary:s-untitled-ids');
    expect(await owner('title:neural ordinary differential equations')).toBe('title:neural ordinary differential equations');
    expect(await owner('title:neural ordinary differential equations|chen')).toBe('title:neural ordinary differential equations');
    expect(await owner('arxiv:2501.00001')).toBe('arxiv:2501.00001');
    expect(await owner('openreview:OutsideF1')).toBe('openreview:OutsideF1');
    expect(await owner('title:a deleted paper')).toBe('title:a deleted paper');

    // Every paper a note or a revision names exists; every paper id is an alias of itself.
    const papers = await db.papers.toArray();
    expect(papers.map((p) => p.id).sort()).toEqual([...notes.map((n) => n.paperKey), 'title:a deleted paper'].sort());
    for (const p of papers) expect(await owner(p.id)).toBe(p.id);
    const revisionKeys = new Set((await db.revisions.toArray()).map((r) => r.paperKey));
    for (const key of revisionKeys) expect(papers.some((p) => p.id === key)).toBe(true);
    expect(await db.revisions.count()).toBe(4);

    // The v2 indexes still work on migrated rows.
    expect(await db.notes.where('tags').equals('iclr').count()).toBe(1);
    db.close();
  });

  it('reopening a migrated database changes nothing', async () => {
    const name = `sl-identity-migration-${Math.random().toString(36).slice(2)}`;
    await writeV2(name);
    const first = new SummaryLensDB(name);
    const snapshot = async (db: SummaryLensDB) => ({ notes: await db.notes.toArray(), aliases: await db.aliases.toArray(), papers: await db.papers.toArray(), revisions: await db.revisions.toArray() });
    const before = await snapshot(first);
    first.close();
    const second = new SummaryLensDB(name);
    expect(await snapshot(second)).toEqual(before);
    second.close();
  });

  it('an empty v2 database (fresh profile of the previous release) migrates to empty tables', async () => {
    const name = `sl-identity-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({ notes: V2_NOTES });
    await v2.open();
    v2.close();
    const db = new SummaryLensDB(name);
    expect(await db.papers.count()).toBe(0);
    expect(await db.aliases.count()).toBe(0);
    db.close();
  });
});

// Property: random sequences of page visits (every page form), pack imports and removals and
// note edits never lose note text and never attach one paper's note to another. Runs the real
// background code (look-up as lookupPaper does it, note store, pack install) on fake-indexeddb.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { SummaryLensDB } from '../../utils/db';
import { installPack, removePack } from '../../utils/corpus/install';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, type Pack } from '../../utils/corpus/pack';
import type { PaperRef } from '../../utils/paper-ref';
import { findPageRow, resolvePageRef } from '@/entrypoints/background/identity-store';
import * as store from '@/entrypoints/background/notes-store';

/** Papers that invite mistakes: a shared title with another first author, a comment repeating a title, an old-style id. */
const PAPERS = [
  { arxivId: '2006.11239', openreviewId: 'FixtureHoA', title: 'Denoising Diffusion Probabilistic Models', authors: ['Jonathan Ho', 'Ajay Jain'] },
  { arxivId: '2011.13456', openreviewId: 'FixtureSongB', title: 'Score-Based Generative Modeling through Stochastic Differential Equations', authors: ['Yang Song'] },
  { arxivId: '2102.09672', openreviewId: 'FixtureNicholC', title: 'Denoising Diffusion Probabilistic Models', authors: ['Alex Nichol'] },
  { arxivId: '2103.00001', openreviewId: 'FixtureCommentD', title: 'Comment on Denoising Diffusion Probabilistic Models', authors: ['Jonathan Ho'] },
  { arxivId: 'hep-th/9901001', openreviewId: 'FixtureOldE', title: 'An Old Style Paper About Strings', authors: ['Edward Witten'] },
] as const;
type Form = 'abs' | 'abs-versioned' | 'html' | 'pdf' | 'forum' | 'forum-pdf' | 'popup';

function refOf(p: number, form: Form): PaperRef {
  const paper = PAPERS[p];
  switch (form) {
    case 'abs':
      return { arxivId: paper.arxivId, title: paper.title, firstAuthor: paper.authors[0] };
    case 'abs-versioned':
      return { arxivId: `${paper.arxivId}v3`, title: paper.title.toUpperCase(), firstAuthor: `${paper.authors[0].split(' ').at(-1)}, ${paper.authors[0].split(' ')[0]}` };
    case 'html':
      return { arxivId: paper.arxivId, title: paper.title };
    case 'pdf':
      return { arxivId: paper.arxivId };
    case 'forum':
      return { openreviewId: paper.openreviewId, title: `${paper.title}.`, firstAuthor: paper.authors[0] };
    case 'forum-pdf':
      return { openreviewId: paper.openreviewId };
    case 'popup':
      return { arxivId: paper.arxivId, openreviewId: paper.openreviewId, title: paper.title, firstAuthor: paper.authors[0] };
  }
}

function pack(id: string, papers: number[], version: string): Pack {
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    id,
    name: id,
    corpusVersion: version,
    createdAt: '2026-01-01',
    concepts: [],
    summaries: papers.map((p) => ({
      id: `${id}-${p}`,
      markdown: 'm',
      html: '<p>m</p>',
      truncated: false,
      sources: [],
      related: [],
      concepts: [],
      paper: { arxivId: PAPERS[p].arxivId, openreviewId: PAPERS[p].openreviewId, title: PAPERS[p].title, authors: [...PAPERS[p].authors], year: 2020, venue: null, confidence: 'high', evidence: [], reason: null },
    })),
  };
}

const paperIdx = fc.integer({ min: 0, max: PAPERS.length - 1 });
const form = fc.constantFrom<Form>('abs', 'abs-versioned', 'html', 'pdf', 'forum', 'forum-pdf', 'popup');
const action = fc.oneof(
  fc.record({ kind: fc.constant('visit' as const), paper: paperIdx, form }),
  fc.record({ kind: fc.constant('edit' as const), paper: paperIdx, form }),
  fc.record({ kind: fc.constant('import' as const), pack: fc.constantFrom('p1', 'p2'), papers: fc.uniqueArray(paperIdx, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), pack: fc.constantFrom('p1', 'p2') }),
);

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Every text the database holds for a paper id: the note and its history. */
async function textsOf(db: SummaryLensDB, paperKey: string): Promise<string[]> {
  const note = await db.notes.get(paperKey);
  const revisions = await db.revisions.where('paperKey').equals(paperKey).toArray();
  return [...(note ? [note.text] : []), ...revisions.map((r) => r.text)];
}

describe('paper identity under random visits, packs and edits', () => {
  it('never loses note text and never attaches one paper’s note to another', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const db = new SummaryLensDB(`sl-identity-prop-${run++}`);
        names.push(db.name);
        let now = 1_000_000;
        const written: { paper: number; text: string }[] = [];
        let version = 0;
        const lookup = async (p: number, f: Form) => {
          const ref = refOf(p, f);
          const resolved = await resolvePageRef(db, ref, await findPageRow(db, ref), (now += 1000));
          return resolved!.paperId;
        };
        for (const a of actions) {
          if (a.kind === 'visit') await lookup(a.paper, a.form);
          else if (a.kind === 'edit') {
            const paperKey = await lookup(a.paper, a.form);
            const shownBefore = (await db.notes.get(paperKey))?.text ?? '';
            const { note } = await store.getNote(db, paperKey);
            // Each text names its paper; appended, as a user types on.
            const text = `${shownBefore} [paper ${a.paper} edit ${written.length}]`.trim();
            await store.saveNote(db, { paperKey, text, title: PAPERS[a.paper].title, baseRev: note?.textRev ?? 0, now: (now += 120_000) });
            written.push({ paper: a.paper, text });
          } else if (a.kind === 'import') await installPack(db, pack(a.pack, a.papers, `v${version++}`), { builtin: false });
          else await removePack(db, a.pack);

          // No text lost: every text ever saved is still somewhere (note or history).
          const all = new Set([...(await db.notes.toArray()).map((n) => n.text), ...(await db.revisions.toArray()).map((r) => r.text)]);
          for (const w of written) expect(all.has(w.text), `lost: ${w.text}`).toBe(true);
          // No mixing: each paper id holds texts of one real paper only.
          for (const paper of await db.papers.toArray()) {
            const owners = new Set((await textsOf(db, paper.id)).flatMap((t) => [...t.matchAll(/\[paper (\d) /g)].map((m) => m[1])));
            expect(owners.size, `paper ${paper.id} mixes ${[...owners]}`).toBeLessThanOrEqual(1);
          }
          // Aliases point at existing papers; every paper id is an alias of itself.
          for (const alias of await db.aliases.toArray()) expect(await db.papers.get(alias.paperId), alias.alias).toBeDefined();
        }
        // Every page form that shows an id of the paper reaches the note written on any of them
        // once the arXiv abs page and the forum were both seen (title + first author join them).
        for (const w of written) {
          await lookup(w.paper, 'abs');
          const forum = await lookup(w.paper, 'forum');
          if (PAPERS[w.paper].title.startsWith('Comment on')) continue; // never joined by title
          for (const f of ['abs', 'abs-versioned', 'html', 'pdf', 'forum-pdf', 'popup'] as const) expect(await lookup(w.paper, f), f).toBe(forum);
          expect(await textsOf(db, forum)).toContain(w.text);
        }
        db.close();
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

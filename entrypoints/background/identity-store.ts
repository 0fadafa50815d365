// Paper identities in Dexie: which paper an alias names, learning aliases pages and the corpus
// reveal, and merging two papers found to be one (notes, history, dismissals and the recent list
// follow). Background only; every function runs inside the caller's transaction or opens one.
import type { AliasRow, NoteRow, SummaryLensDB, SummaryRow } from '@/utils/db';
import type { PaperRef } from '@/utils/paper-ref';
import { aliasesOf, legacyTitleAlias } from '@/utils/identity/aliases';
import { corpusAliases, corpusRowFits } from '@/utils/identity/corpus';
import { findSummary } from '@/utils/corpus/lookup';
import { planResolve } from '@/utils/identity/resolve';
import { planNoteMerge } from '@/utils/identity/merge';
import { revisionsToPrune } from '@/utils/notes/merge';

/** The tables a resolve or merge writes. */
export const identityTables = (db: SummaryLensDB) => [db.papers, db.aliases, db.notes, db.revisions, db.recent, db.dismissals];

/** The paper an id or alias names now: a merged-away paper id names the paper it merged into. */
export async function currentPaperId(db: SummaryLensDB, key: string): Promise<string> {
  return (await db.aliases.get(key))?.paperId ?? key;
}

export interface ResolveInput {
  /** In priority order: what the page shows (strongest first), then what the corpus adds. */
  aliases: readonly string[];
  /** Where each alias was learned (default 'page'). */
  sources?: ReadonlyMap<string, AliasRow['source']>;
  /** May find a paper, never attached (legacy title keys). */
  lookupOnly?: readonly string[];
  /** Title to remember for a paper outside the corpus. */
  title?: string | null;
  /** Name a new paper after this alias. */
  preferId?: string;
}

export interface ResolveOutcome {
  paperId: string;
  /** Papers merged into paperId by this call (their notes now live under paperId). */
  merged: string[];
  /** True when a merge joined two notes that both had text: the user is told. */
  textsJoined: boolean;
}

/**
 * The paper these aliases name, learning the aliases it did not know yet and merging papers
 * they reveal to be one. Null when the aliases name nothing (no id, no usable title).
 */
export async function resolvePaper(db: SummaryLensDB, input: ResolveInput, now: number): Promise<ResolveOutcome | null> {
  if (!input.aliases.length && !input.lookupOnly?.length) return null;
  return db.transaction('rw', identityTables(db), async () => {
    const asked = [...new Set([...input.aliases, ...(input.lookupOnly ?? [])])];
    const rows = await db.aliases.bulkGet(asked);
    const owner = new Map<string, string>();
    rows.forEach((row, i) => row && owner.set(asked[i], row.paperId));
    const owners = [...new Set(owner.values())];
    const paperAliases = new Map<string, string[]>(owners.map((p) => [p, []]));
    if (owners.length) for (const a of await db.aliases.where('paperId').anyOf(owners).toArray()) paperAliases.get(a.paperId)?.push(a.alias);

    const plan = planResolve(input.aliases, owner, paperAliases, input.lookupOnly ?? [], input.preferId);
    if (!plan) return null;
    const title = input.title?.trim() ? input.title.trim().slice(0, 1000) : null;
    if (plan.create) await db.papers.add({ id: plan.paperId, title, createdAt: now });
    else if (title) {
      const paper = await db.papers.get(plan.paperId);
      if (paper && paper.title !== title) await db.papers.put({ ...paper, title });
    }
    if (plan.add.length) await db.aliases.bulkAdd(plan.add.map((alias) => ({ alias, paperId: plan.paperId, source: input.sources?.get(alias) ?? 'page' })));
    let textsJoined = false;
    for (const other of plan.merge) textsJoined = (await mergePaperInto(db, plan.paperId, other, now)) || textsJoined;
    return { paperId: plan.paperId, merged: plan.merge, textsJoined };
  });
}

/** The corpus row of what a page shows, unless its ids say it is another paper. */
export async function findPageRow(db: SummaryLensDB, ref: PaperRef): Promise<SummaryRow | undefined> {
  const row = await findSummary(db, ref);
  return row && corpusRowFits(ref, row) ? row : undefined;
}

/**
 * The paper a page shows: what the page itself reveals (ids, DOI, title + first author) first,
 * then what the corpus row it matched adds. Every site's content script reaches this through the
 * lookupPaper message; a new site only has to fill in the PaperRef fields it can read.
 */
export async function resolvePageRef(db: SummaryLensDB, ref: PaperRef, row: SummaryRow | undefined, now: number): Promise<ResolveOutcome | null> {
  const page = aliasesOf(ref);
  const corpus = row ? corpusAliases(row).filter((a) => !page.includes(a)) : [];
  const sources = new Map<string, AliasRow['source']>([...page.map((a) => [a, 'page'] as const), ...corpus.map((a) => [a, 'corpus'] as const)]);
  const legacy = legacyTitleAlias(ref.title);
  return resolvePaper(db, { aliases: [...page, ...corpus], sources, lookupOnly: legacy ? [legacy] : [], title: row?.paper.title ?? ref.title ?? null }, now);
}

/**
 * The paper a page's ref (and the corpus row it matched) names already, without learning or
 * creating anything: result lists ask this for every entry they show. Null when none is known.
 */
export async function knownPaperOf(db: SummaryLensDB, ref: PaperRef, row: SummaryRow | undefined): Promise<string | null> {
  const legacy = legacyTitleAlias(ref.title);
  const asked = [...new Set([...aliasesOf(ref), ...(row ? corpusAliases(row) : []), ...(legacy ? [legacy] : [])])];
  const owner = (await db.aliases.bulkGet(asked)).find((a) => a !== undefined);
  return owner?.paperId ?? null;
}

/**
 * Makes sure a paper row exists for an id (a key from an old export, or one no page showed):
 * it becomes a paper named after itself.
 */
export async function ensurePaper(db: SummaryLensDB, paperId: string, title: string | null, now: number): Promise<void> {
  if (await db.papers.get(paperId)) return;
  await db.papers.add({ id: paperId, title, createdAt: now });
  if (!(await db.aliases.get(paperId))) await db.aliases.add({ alias: paperId, paperId, source: 'legacy' });
}

/** Moves everything of paper `other` to paper `keep`. Returns true when both had note text. */
export async function mergePaperInto(db: SummaryLensDB, keep: string, other: string, now: number): Promise<boolean> {
  if (keep === other) return false;
  return db.transaction('rw', identityTables(db), async () => {
    const [keptNote, otherNote] = await Promise.all([db.notes.get(keep), db.notes.get(other)]);
    const plan = planNoteMerge(keep, keptNote, otherNote, now);
    await db.revisions.where('paperKey').equals(other).modify((r) => {
      r.paperKey = keep;
    });
    if (plan.revision) await db.revisions.add({ ...plan.revision, savedAt: now });
    if (otherNote) await db.notes.delete(other);
    if (plan.note) await db.notes.put(plan.note);
    const history = await db.revisions.where('paperKey').equals(keep).toArray();
    const drop = revisionsToPrune(history);
    if (drop.length) await db.revisions.bulkDelete(drop);

    await db.aliases.where('paperId').equals(other).modify((a) => {
      a.paperId = keep;
    });
    const [keptRecent, otherRecent] = await Promise.all([db.recent.get(keep), db.recent.get(other)]);
    if (otherRecent) {
      await db.recent.delete(other);
      if (!keptRecent || keptRecent.viewedAt < otherRecent.viewedAt) await db.recent.put({ ...otherRecent, paperKey: keep });
    }
    const otherDismissal = await db.dismissals.get(other);
    if (otherDismissal) {
      await db.dismissals.delete(other);
      if (!(await db.dismissals.get(keep))) await db.dismissals.put({ ...otherDismissal, paperKey: keep });
    }
    const [keptPaper, otherPaper] = await Promise.all([db.papers.get(keep), db.papers.get(other)]);
    if (otherPaper) await db.papers.delete(other);
    if (keptPaper && !keptPaper.title && otherPaper?.title) await db.papers.put({ ...keptPaper, title: otherPaper.title });
    return Boolean(plan.revision);
  });
}

/** Every alias of each paper (for the dashboard, exports and the corpus look-up of a note). */
export async function aliasesOfPapers(db: SummaryLensDB, paperIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(paperIds.map((id) => [id, []]));
  if (!paperIds.length) return out;
  for (const a of await db.aliases.where('paperId').anyOf([...paperIds]).toArray()) out.get(a.paperId)?.push(a.alias);
  return out;
}

/** A note only counts as one when it holds something (an emptied note is still a row). */
export function noteHasContent(note: NoteRow | undefined): boolean {
  return Boolean(note && (note.text.trim() || note.tags.length || note.status !== 'none'));
}

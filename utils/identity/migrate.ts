// Schema v2 -> v3: notes were keyed per page form (arxiv:/openreview:/title:/summary:). Each key
// becomes a paper named after it, with the key and the aliases of the corpus row it names; keys
// that turn out to name one paper (a corpus update gave an OpenReview paper its arXiv id) merge
// by the same rules as at run time, so no text is lost. Runs inside Dexie's upgrade transaction.
import type { Transaction } from 'dexie';
import type { AliasRow, NoteRow, PaperRow, RevisionRow, SummaryRow } from '../db';
import { corpusAliases, legacyKeyAliases } from './corpus';
import { arxivAlias, byStrength } from './aliases';
import { planResolve, type ResolvePlan } from './resolve';
import { planNoteMerge } from './merge';

/** The corpus row an old note key names, as the background's look-ups found it then. */
/** Corpus rows whose `index` equals `value`, at most `limit` (the schema's store, or the live rows). */
export type SummaryFinder = (index: 'id' | 'arxivId' | 'openreviewId' | 'titleKey', value: string, limit: number) => Promise<SummaryRow[]>;

export async function corpusRowOfKey(find: SummaryFinder, key: string): Promise<SummaryRow | undefined> {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  if (kind === 'arxiv') {
    const id = arxivAlias(value)?.slice(6);
    return id ? (await find('arxivId', id, 1))[0] : undefined;
  }
  if (kind === 'openreview') return (await find('openreviewId', value, 1))[0];
  if (kind === 'summary') return (await find('id', value, 1))[0];
  if (kind === 'title' && !value.includes('|')) {
    const rows = await find('titleKey', value, 2);
    return rows.length === 1 ? rows[0] : undefined; // a title names a corpus paper only when unambiguous
  }
  return undefined;
}

export async function migrateNotesToPapers(tx: Transaction, now: number): Promise<void> {
  const notesTable = tx.table<NoteRow, string>('notes');
  const revisionsTable = tx.table<RevisionRow, number>('revisions');
  const summaries = tx.table<SummaryRow, string>('summaries');
  const find: SummaryFinder = async (index, value, limit) =>
    index === 'id' ? [await summaries.get(value)].filter((r) => r !== undefined) : summaries.where(index).equals(value).limit(limit).toArray();
  const notes = new Map((await notesTable.toArray()).map((n) => [n.paperKey, n]));
  const revisionKeys = (await revisionsTable.orderBy('paperKey').uniqueKeys()) as string[];
  const keys = [...new Set([...notes.keys(), ...revisionKeys])].sort(byStrength);
  if (!keys.length) return;

  const owner = new Map<string, string>();
  const paperAliases = new Map<string, string[]>();
  const papers = new Map<string, PaperRow>();
  const sources = new Map<string, AliasRow['source']>();
  /** Old key -> the paper it now belongs to. */
  const moved = new Map<string, string>();
  const merged = new Map<string, NoteRow>();
  const mergeRevisions: Omit<RevisionRow, 'id'>[] = [];

  const attach = (paperId: string, alias: string, source: AliasRow['source']) => {
    owner.set(alias, paperId);
    paperAliases.get(paperId)!.push(alias);
    sources.set(alias, source);
  };
  const absorb = (keep: string, other: string) => {
    const plan = planNoteMerge(keep, merged.get(keep), merged.get(other), now);
    merged.delete(other);
    if (plan.note) merged.set(keep, plan.note);
    if (plan.revision) mergeRevisions.push(plan.revision);
    for (const alias of paperAliases.get(other) ?? []) attach(keep, alias, sources.get(alias) ?? 'legacy');
    paperAliases.delete(other);
    papers.delete(other);
    for (const [k, p] of moved) if (p === other) moved.set(k, keep);
  };

  for (const key of keys) {
    const row = await corpusRowOfKey(find, key);
    const own = legacyKeyAliases(key);
    const fromCorpus = row ? corpusAliases(row).filter((a) => !own.includes(a)) : [];
    // The key must end up owned by its paper; if the corpus row's aliases clash with a paper
    // already built (two corpus rows disagreeing on an id), the key keeps to its own aliases.
    const fits = (p: ResolvePlan | null): p is ResolvePlan => p !== null && own.every((a) => owner.get(a) === p.paperId || p.add.includes(a));
    let plan = planResolve([...own, ...fromCorpus], owner, paperAliases, [], key);
    if (!fits(plan)) plan = planResolve(own, owner, paperAliases, [], key);
    if (!fits(plan)) plan = { paperId: key, create: true, merge: [], add: [key] };
    const note = notes.get(key);
    if (plan.create) {
      papers.set(plan.paperId, { id: plan.paperId, title: note?.title ?? row?.paper.title ?? null, createdAt: note?.createdAt ?? now });
      paperAliases.set(plan.paperId, []);
    }
    for (const alias of plan.add) attach(plan.paperId, alias, own.includes(alias) ? 'legacy' : 'corpus');
    for (const other of plan.merge) absorb(plan.paperId, other);
    // The key's note joins its paper: its first note, or a second one of the same paper to merge.
    if (note) {
      const join = planNoteMerge(plan.paperId, merged.get(plan.paperId), note, now);
      if (join.note) merged.set(plan.paperId, join.note);
      if (join.revision) mergeRevisions.push(join.revision);
    }
    moved.set(key, plan.paperId);
  }

  await notesTable.clear();
  await notesTable.bulkPut([...merged.values()]);
  await revisionsTable.toCollection().modify((r) => {
    r.paperKey = moved.get(r.paperKey) ?? r.paperKey;
  });
  if (mergeRevisions.length) await revisionsTable.bulkAdd(mergeRevisions as RevisionRow[]);
  await tx.table<PaperRow, string>('papers').bulkPut([...papers.values()]);
  await tx.table<AliasRow, string>('aliases').bulkPut([...owner].map(([alias, paperId]) => ({ alias, paperId, source: sources.get(alias) ?? 'legacy' })));
}

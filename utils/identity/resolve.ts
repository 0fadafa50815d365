// Which paper a set of aliases names, and which known papers they reveal to be one. Pure: the
// background reads the alias owners and the hit papers' aliases in one transaction, calls
// planResolve, and applies the plan (utils/identity/store.ts).
import { aliasKind, arxivAlias, SINGLE_VALUED } from './aliases';

export interface ResolvePlan {
  /** The paper the aliases name (existing, or the new one to create). */
  paperId: string;
  create: boolean;
  /** Other known papers that are the same paper: merged into paperId. */
  merge: string[];
  /** Aliases to attach to paperId (not owned by any paper yet). */
  add: string[];
}

/**
 * True when one paper could hold all these aliases: at most one arXiv id, one OpenReview forum
 * and one DOI. Different ids of one kind mean different papers, whatever the titles say.
 */
export function compatible(aliases: Iterable<string>): boolean {
  const seen = new Map<string, string>();
  for (const alias of aliases) {
    const kind = aliasKind(alias);
    if (!kind || !SINGLE_VALUED.includes(kind)) continue;
    // An old note key may carry an arXiv version (arxiv:2106.09608v2): the same paper as without.
    const value = kind === 'arxiv' ? (arxivAlias(alias.slice(6)) ?? alias) : alias;
    const other = seen.get(kind);
    if (other !== undefined && other !== value) return false;
    seen.set(kind, value);
  }
  return true;
}

/**
 * The plan for aliases a page (or a corpus row, or an import) shows. Aliases are taken in the
 * order given: what the page itself shows first, strongest first (arXiv id, OpenReview forum,
 * DOI, title + first author; see aliasesOf), then what the corpus adds. Each alias a
 * known paper owns pulls that paper in when it fits with everything taken so far, else it is
 * left where it is; each alias nobody owns is attached when it fits. The paper of the strongest
 * fitting alias is the one kept (its id never changes); the others merge into it. A new paper is
 * named after its strongest alias. Legacy title keys (no author) are used only when the aliases
 * hold no id at all, and are never attached.
 *
 * @param owner       alias -> paper id, for the aliases that are owned
 * @param paperAliases paper id -> every alias it owns, for each owner
 * @param lookupOnly  aliases that may find a paper but are never attached (legacy title keys)
 */
export function planResolve(
  aliases: readonly string[],
  owner: ReadonlyMap<string, string>,
  paperAliases: ReadonlyMap<string, readonly string[]>,
  lookupOnly: readonly string[] = [],
  /** Name a new paper after this alias instead of the strongest (migration keeps old note keys). */
  preferId?: string,
): ResolvePlan | null {
  const ordered = [...new Set(aliases)];
  const hasId = ordered.some((a) => SINGLE_VALUED.includes(aliasKind(a)!));
  const candidates = hasId ? ordered : [...ordered, ...lookupOnly.filter((a) => owner.has(a))];

  const taken = new Set<string>();
  const accepted: string[] = [];
  const add: string[] = [];
  for (const alias of candidates) {
    const paper = owner.get(alias);
    if (paper !== undefined) {
      if (accepted.includes(paper)) continue;
      const theirs = paperAliases.get(paper) ?? [alias];
      if (!compatible([...taken, ...theirs])) continue;
      accepted.push(paper);
      for (const a of theirs) taken.add(a);
    } else if (!lookupOnly.includes(alias) && compatible([...taken, alias])) {
      add.push(alias);
      taken.add(alias);
    }
  }
  if (accepted.length) return { paperId: accepted[0], create: false, merge: accepted.slice(1), add };
  if (!add.length) return null;
  return { paperId: preferId && add.includes(preferId) ? preferId : add[0], create: true, merge: [], add };
}

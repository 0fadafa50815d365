// The popup's search engine: the shipped corpus first, then imported packs, each opened where it
// is stored (one small head row each; postings are read per query; see popup-packs.ts).
import { useEffect, useState } from 'react';
import { SearchEngine } from '@/utils/search/engine';
import { openPackSource } from '@/utils/search/load';
import { preloadPacks } from './popup-packs';
import { benchMark } from '@/utils/bench-mark';

export interface EngineState {
  engine: SearchEngine | null;
  /** Bumps whenever a source is added, so results recompute. */
  version: number;
  error: string | null;
  /** Imported packs that could not be loaded (their names), shown as a quiet notice. */
  missing: string[];
}

export function useSearchEngine(): EngineState {
  const [state, setState] = useState<EngineState>({ engine: null, version: 0, error: null, missing: [] });
  useEffect(() => {
    let live = true;
    const engine = new SearchEngine();
    const bump = () => live && setState((s) => ({ ...s, engine, version: s.version + 1 }));
    const packs = preloadPacks();
    packs.shipped.then(
      (source) => {
        engine.add(source);
        benchMark('sl-engine-ready');
        bump();
      },
      (e: Error) => live && setState((s) => ({ ...s, error: `Search is unavailable: ${e.message}` })),
    );
    // Imported packs: after the shipped corpus, so they never delay the first results.
    void packs.shipped
      .catch(() => {})
      .then(() => packs.imported)
      .then(async (imported) => {
        for (const pack of imported) {
          try {
            const source = await openPackSource(pack.id, pack.corpusVersion);
            if (source) engine.add(source);
            bump();
          } catch {
            if (live) setState((s) => ({ ...s, missing: [...s.missing, pack.name] }));
          }
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return state;
}

// The popup's search engine: the shipped corpus and every imported pack whose stored index is
// ready join in one step (one search, not one per pack); a pack whose index the background must
// write first joins when it is written (see popup-packs.ts).
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
    const miss = (name: string) => live && setState((s) => ({ ...s, missing: [...s.missing, name] }));
    const packs = preloadPacks();
    const imported = packs.imported.catch(() => []);
    void (async () => {
      const [shipped, ready] = await Promise.all([
        packs.shipped.then(
          (source) => source,
          (e: Error) => {
            if (live) setState((s) => ({ ...s, error: `Search is unavailable: ${e.message}` }));
            return null;
          },
        ),
        imported.then((list) => Promise.all(list.map((p) => p.ready))),
      ]);
      if (shipped) engine.add(shipped);
      for (const source of ready) if (source) engine.add(source);
      benchMark('sl-engine-ready');
      bump();
      // Packs whose stored index is not written yet (an older version's, or never built).
      for (const [i, { pack }] of (await imported).entries()) {
        if (ready[i]) continue;
        try {
          const source = await openPackSource(pack.id, pack.corpusVersion);
          if (source) engine.add(source);
          bump();
        } catch {
          miss(pack.name);
        }
      }
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return state;
}

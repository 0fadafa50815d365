// The popup's search engine: the shipped corpus first (fetched from the extension, loaded with
// MiniSearch.loadJSON — nothing is indexed on open), then imported packs, opened where they are
// stored (one small head row each; their postings are read per query).
import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging/client';
import { SearchEngine } from '@/utils/search/engine';
import { openImportedSource } from '@/utils/search/load';
import { preloadShippedSource } from './shipped-source';
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
    preloadShippedSource().then(
      (source) => {
        engine.add(source);
        benchMark('sl-engine-ready');
        bump();
      },
      (e: Error) => live && setState((s) => ({ ...s, error: `Search is unavailable: ${e.message}` })),
    );
    // Imported packs: after the shipped corpus, so they never delay the first results.
    sendMessage('listPacks', {})
      .then(async ({ packs }) => {
        for (const pack of packs.filter((p) => !p.builtin)) {
          try {
            const source = await openImportedSource(pack.id, pack.corpusVersion);
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

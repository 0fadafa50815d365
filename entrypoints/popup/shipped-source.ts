// The shipped corpus's search source, loaded once per popup and started as early as possible
// (entrypoints/popup/main.tsx), before React: nothing here imports the UI.
import type { SearchSource } from '@/utils/search/engine';
import { loadShippedSource } from '@/utils/search/load';

let shipped: Promise<SearchSource> | null = null;

export function preloadShippedSource(): Promise<SearchSource> {
  shipped ??= loadShippedSource();
  return shipped;
}

performance.mark('x-main-start');
import { preloadShippedSource } from '@/components/search/shipped-source';

// First the search index (fetch + MiniSearch.loadJSON), then the React app: this script needs only
// the search code, so it starts before React has loaded, and the two overlap.
void preloadShippedSource().catch(() => {}); // errors are shown by the popup itself
void import('./app').then(({ mount }) => mount(document.getElementById('root')!));

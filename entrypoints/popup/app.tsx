// The popup's React app, loaded by main.tsx after it has started loading the search index.
import ReactDOM from 'react-dom/client';
import '@/components/panel/summary.css';
import { SearchPopup } from '@/components/search/SearchPopup';

export function mount(root: HTMLElement): void {
  ReactDOM.createRoot(root).render(<SearchPopup />);
}

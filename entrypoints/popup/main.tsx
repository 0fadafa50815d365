import ReactDOM from 'react-dom/client';
import '@/components/panel/summary.css';
import { SearchPopup } from './App';
import { preloadShippedSource } from './shipped-source';

// The index download and load start before anything renders: first results come sooner.
void preloadShippedSource().catch(() => {}); // errors are shown by the popup itself

ReactDOM.createRoot(document.getElementById('root')!).render(<SearchPopup />);

import ReactDOM from 'react-dom/client';
import '@/components/panel/summary.css';
import { SearchPopup } from './App';
import { preloadPacks } from './popup-packs';

// Packs are listed and opened before anything renders: first results come sooner.
preloadPacks().shipped.catch(() => {}); // errors are shown by the popup itself

ReactDOM.createRoot(document.getElementById('root')!).render(<SearchPopup />);

import ReactDOM from 'react-dom/client';
import { browser } from 'wxt/browser';
import { katexCssFor, KATEX_FONT_DIR } from '@/components/panel/katex-css';
import '@/components/panel/summary.css';
import { SearchPopup } from '@/components/search/SearchPopup';

// KaTeX's stylesheet for summaries with math, pointed at the woff2 copies the build already ships
// for the panel (one font set in the extension, as in the side panel).
const katex = document.createElement('style');
katex.textContent = katexCssFor((browser.runtime.getURL as (path: string) => string)(`/${KATEX_FONT_DIR}/`));
document.head.append(katex);

ReactDOM.createRoot(document.getElementById('root')!).render(<SearchPopup />);

import ReactDOM from 'react-dom/client';
import { browser } from 'wxt/browser';
import { katexCssFor, KATEX_FONT_DIR } from '@/components/panel/katex-css';
import '@/components/panel/summary.css';
import { App } from './App';
import './style.css';

// KaTeX's stylesheet, pointed at the woff2 copies the build already ships (no second font set;
// copied by the build, so getURL's typed public paths do not list them).
const katex = document.createElement('style');
katex.textContent = katexCssFor((browser.runtime.getURL as (path: string) => string)(`/${KATEX_FONT_DIR}/`));
document.head.append(katex);

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);

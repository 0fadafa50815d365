import ReactDOM from 'react-dom/client';
import { ensureKatexStyle } from '@/components/katex';
import '@/components/panel/summary.css';
import { App } from './App';
import './style.css';

ensureKatexStyle();

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);

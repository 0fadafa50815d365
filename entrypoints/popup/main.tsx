import ReactDOM from 'react-dom/client';
import { StatusLine } from '@/components/StatusLine';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <main>
    <h1>Summary Lens</h1>
    <StatusLine />
  </main>,
);

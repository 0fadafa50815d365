// The concept page: one CS7643 course-notes section, by `?id=`, opened in a new tab from the
// in-page panel's "Background concepts" (the background opens it: `openConcept`).
import ReactDOM from 'react-dom/client';
import { ConceptView } from '@/components/related/ConceptView';
import { useTheme } from '@/components/hooks/use-theme';
import { useSettings } from '@/components/hooks/use-settings';
import '@/components/panel/summary.css';

function ConceptPage() {
  const theme = useTheme(useSettings().theme);
  const id = new URLSearchParams(location.search).get('id');
  return (
    <main className="sl-root sl-concept-page" data-theme={theme}>
      <p className="sl-concept-page-brand">Summary Lens · Background concept</p>
      {id ? (
        <ConceptView id={id} headingLevel={1} onLoad={(c) => (document.title = `${c.title} · Summary Lens`)} />
      ) : (
        <p className="sl-error" role="alert">
          No course-notes section was named (the address needs ?id=…).
        </p>
      )}
    </main>
  );
}

ReactDOM.createRoot(document.getElementById('root')!).render(<ConceptPage />);

// The notes editor of the in-page panel, in a frame of the extension's own origin: the page the
// panel sits in can neither read this document (cross-origin) nor search it with window.find().
// Opened only by entrypoints/content/panel/NotesFrame.tsx, which passes ?paperKey&title&theme&token.
// Talks to the panel's content script through extension messaging only, relayed by the
// background to its tab's top frame (Firefox gives an extension frame inside a web page no tabs
// API to do it itself): "did you open me?" before showing anything, then the content height.
import { useEffect, useState } from 'react';
import ReactDOM from 'react-dom/client';
import { NotesEditor } from '@/components/notes/NotesEditor';
import type { Theme } from '@/utils/theme';
import { sendMessage } from '@/utils/messaging/client';
import { asThemeMessage, type NotesFrameParams } from '@/utils/notes-frame/protocol';
import { parseNotesFrameParams } from './params';
import '@/components/panel/summary.css';
import './notes-frame.css';

type Check = { kind: 'checking' } | { kind: 'ok' } | { kind: 'refused'; message: string };

/**
 * Asks the content script of the tab this frame is in whether it opened a frame with this token
 * for this paper. A page that frames this address itself (or navigates our frame elsewhere) gets
 * no editor: it cannot know a token (the panel's address sits in a closed shadow root).
 */
async function checkOpener(params: NotesFrameParams): Promise<Check> {
  const { mine } = await sendMessage('notesFrameHello', { token: params.token, paperKey: params.paperKey });
  return mine ? { kind: 'ok' } : { kind: 'refused', message: 'This notes frame was not opened by the Summary Lens panel on this page.' };
}

/** Reports the content's height to the panel whenever it changes (the panel sizes the frame to it). */
function reportHeight(token: string): () => void {
  let last = -1;
  const send = () => {
    // The body's height does not depend on the frame's (no %/vh heights inside), so setting the
    // frame's height from it cannot feed back into a loop; unchanged heights are not sent.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    void sendMessage('notesFrameSize', { token, height }).catch(() => undefined);
  };
  // Measured at once too: Chromium holds back ResizeObserver (and painting) in a cross-origin
  // frame that is out of view, and the panel's notes are often below the fold at first.
  send();
  const observer = new ResizeObserver(send);
  observer.observe(document.body);
  return () => observer.disconnect();
}

function NotesFrameApp({ params }: { params: NotesFrameParams }) {
  const [theme, setTheme] = useState<Theme>(params.theme);
  const [check, setCheck] = useState<Check>({ kind: 'checking' });

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Theme changes come from the panel (it knows the page's own theme); only from our parent.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const next = event.source === window.parent ? asThemeMessage(event.data) : null;
      if (next) setTheme(next);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // The background may be restarting (a service worker stopped mid-message): a few tries.
    const ask = (attempt: number) =>
      checkOpener(params).then(
        (result) => live && setCheck(result),
        (error: unknown) => {
          if (!live) return;
          if (attempt < 3) retry = setTimeout(() => void ask(attempt + 1), 250 * 2 ** attempt);
          else setCheck({ kind: 'refused', message: `Could not open your notes: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
    void ask(0);
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [params]);

  useEffect(() => (check.kind === 'ok' ? reportHeight(params.token) : undefined), [check, params.token]);

  if (check.kind === 'checking') return null;
  if (check.kind === 'refused')
    return (
      <p className="sl-notes-frame-error" role="alert">
        {check.message}
      </p>
    );
  return <NotesEditor paperKey={params.paperKey} title={params.title} />;
}

const parsed = parseNotesFrameParams(location.search);
const root = ReactDOM.createRoot(document.getElementById('root')!);
if (parsed.ok) {
  document.documentElement.dataset.theme = parsed.params.theme;
  root.render(<NotesFrameApp params={parsed.params} />);
} else {
  root.render(
    <p className="sl-notes-frame-error" role="alert">
      Cannot open these notes: {parsed.error}
    </p>,
  );
}

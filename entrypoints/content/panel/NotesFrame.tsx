// The in-page panel's notes: the notes editor in a frame of the extension's own origin
// (entrypoints/notes-frame), not in the panel's shadow root. A closed shadow root keeps page
// scripts from reading the panel, but Chromium's window.find() still searches it, text areas
// included, so a page could test guesses against the notes; another origin's document is out of
// its reach. Extension pages (side panel, popup, options) keep rendering <NotesEditor> directly.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Theme } from '@/utils/theme';
import { extensionUrl } from '@/utils/extension-url';
import { asNotesFrameMessage, NOTES_FRAME_PATH, newFrameToken, notesFrameQuery, type NotesFrameMessage, type NotesFrameTheme } from '@/utils/notes-frame/protocol';
import './notes-frame.css';

export interface NotesFrameProps {
  paperKey: string;
  title: string | null;
  theme: Theme;
}

/**
 * Height before the frame first reports its own: about the editor's (bar, text box, tags, save
 * line), so the panel barely moves when the real height arrives.
 */
const INITIAL_HEIGHT = 230;

/** The frames this content script opened, by token: what they may show, and where their height goes. */
const openFrames = new Map<string, { paperKey: string; onHeight: (height: number) => void }>();
let listening = false;

/**
 * One listener for every frame: the frame's "did you open me?" and its height, which the
 * background relays here with tabs.sendMessage (entrypoints/background/notes-frame-handlers.ts). Only
 * this extension's contexts reach runtime.onMessage; the page sees and sends nothing here.
 */
function listenToFrames() {
  if (listening) return;
  listening = true;
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message: NotesFrameMessage | null = asNotesFrameMessage(raw);
    if (!message) return undefined;
    const frame = openFrames.get(message.token);
    if (message.type === 'summary-lens:notes-frame-hello') return Promise.resolve(frame?.paperKey === message.paperKey);
    frame?.onHeight(message.height);
    return undefined;
  });
}

/**
 * The origin the frame's document has: the extension's. (Chromium gives the content script a
 * per-session dynamic address for the frame, `use_dynamic_url`, but the document it loads
 * commits on the extension's own origin.)
 */
function extensionOrigin(): string {
  const root = extensionUrl('/');
  return root.slice(0, root.indexOf('/', root.indexOf('//') + 2));
}

export function NotesFrame({ paperKey, title, theme }: NotesFrameProps) {
  // A new paper gets a new frame (and token); the title and theme it starts with go in its address.
  const token = useMemo(newFrameToken, [paperKey]);
  const src = useMemo(
    () => browser.runtime.getURL(`${NOTES_FRAME_PATH}${notesFrameQuery({ paperKey, title, theme, token })}`),
    // Later title/theme changes must not reload the frame (the theme is posted, below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [token],
  );
  const [height, setHeight] = useState(INITIAL_HEIGHT);
  const frame = useRef<HTMLIFrameElement>(null);

  // Registered before the frame can load and say hello (layout effects run as it is inserted).
  useLayoutEffect(() => {
    listenToFrames();
    openFrames.set(token, { paperKey, onHeight: setHeight });
    return () => void openFrames.delete(token);
  }, [token, paperKey]);

  const postTheme = useCallback(() => {
    const message: NotesFrameTheme = { type: 'summary-lens:notes-frame-theme', theme };
    frame.current?.contentWindow?.postMessage(message, extensionOrigin());
  }, [theme]);
  useEffect(postTheme, [postTheme]);

  // An iframe inserted before the page's load event holds that event until it loads too; the
  // frame waits for it so the extension does not slow the paper page down.
  const pageLoaded = usePageLoaded();
  if (!pageLoaded) return <div className="sl-notes-frame" style={{ height }} aria-busy="true" />;

  return (
    <iframe
      ref={frame}
      key={token}
      className="sl-notes-frame"
      src={src}
      title={`Your notes on ${title ?? 'this paper'}`}
      style={{ height }}
      onLoad={postTheme}
    />
  );
}

function usePageLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => document.readyState === 'complete');
  useEffect(() => {
    if (loaded) return;
    const onLoad = () => setLoaded(true);
    window.addEventListener('load', onLoad, { once: true });
    // The event may have fired between the first render and this effect.
    if (document.readyState === 'complete') onLoad();
    return () => window.removeEventListener('load', onLoad);
  }, [loaded]);
  return loaded;
}

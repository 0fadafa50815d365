// The in-page panel's notes live in an extension-origin iframe (entrypoints/notes-frame), not in
// the panel's closed shadow root: Chromium's window.find() searches closed shadow roots, text
// areas included, so a page could test guesses against the user's notes there; it cannot reach
// another origin's document. This file is what the panel (content script) and the frame share:
// the frame's address and the two messages the frame sends the content script. No zod here (it
// is imported by the content script); the frame validates its address in
// entrypoints/notes-frame/params.ts.
import type { Theme } from '../theme';

/** The unlisted page WXT builds from entrypoints/notes-frame/index.html (web-accessible to the paper hosts only). */
export const NOTES_FRAME_PATH = '/notes-frame.html';

/** What the frame is told in its address; the content script issues a fresh token per frame. */
export interface NotesFrameParams {
  paperKey: string;
  title: string | null;
  theme: Theme;
  /**
   * Random, per frame: names the frame in its messages to the content script, and proves the
   * frame was opened by our panel (the page cannot read the address: closed shadow root).
   */
  token: string;
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function newFrameToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The query string of the frame's address (the caller prefixes runtime.getURL(NOTES_FRAME_PATH)). */
export function notesFrameQuery({ paperKey, title, theme, token }: NotesFrameParams): string {
  const query = new URLSearchParams({ paperKey, theme, token });
  if (title) query.set('title', title);
  return `?${query}`;
}

// ---- Frame -> content script, through browser.tabs.sendMessage(tabId, …, { frameId: 0 }) ----
// Extension messaging: the page sees neither message (nor can it send one: runtime.onMessage
// only hears this extension's own contexts).

/** "Did you open a frame with this token, for this paper?" Answered with true or false. */
export interface NotesFrameHello {
  type: 'summary-lens:notes-frame-hello';
  token: string;
  paperKey: string;
}

/** The frame's content height in CSS px, sent whenever it changes. */
export interface NotesFrameSize {
  type: 'summary-lens:notes-frame-size';
  token: string;
  height: number;
}

export type NotesFrameMessage = NotesFrameHello | NotesFrameSize;

/** Largest height the panel gives the frame; more scrolls inside it. */
export const MAX_FRAME_HEIGHT = 4000;

export function asNotesFrameMessage(raw: unknown): NotesFrameMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.token !== 'string' || !TOKEN_PATTERN.test(m.token)) return null;
  if (m.type === 'summary-lens:notes-frame-hello' && typeof m.paperKey === 'string') return { type: m.type, token: m.token, paperKey: m.paperKey };
  if (m.type === 'summary-lens:notes-frame-size' && typeof m.height === 'number' && Number.isFinite(m.height) && m.height >= 0)
    return { type: m.type, token: m.token, height: Math.min(Math.ceil(m.height), MAX_FRAME_HEIGHT) };
  return null;
}

// ---- Content script -> frame: the theme, when it changes after the frame loaded ----
// window.postMessage to the frame's origin only. A theme is no secret; a page that posts one
// too can at most flip the notes between light and dark.

export interface NotesFrameTheme {
  type: 'summary-lens:notes-frame-theme';
  theme: Theme;
}

export function asThemeMessage(raw: unknown): Theme | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  return m.type === 'summary-lens:notes-frame-theme' && (m.theme === 'light' || m.theme === 'dark') ? m.theme : null;
}

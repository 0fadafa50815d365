// Relays the in-page notes frame's messages to the content script that opened it (see
// utils/notes-frame/schemas.ts). Only the notes frame may use the relay, and only towards the
// top frame of its own tab: the message never leaves extension messaging, so the page sees none.
import { browser } from 'wxt/browser';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers, SenderLike } from '@/utils/messaging/dispatch';
import { NOTES_FRAME_PATH, type NotesFrameHello, type NotesFrameSize } from '@/utils/notes-frame/protocol';

/** The tab of a sender that is this extension's notes frame (dispatch already checked the extension id). */
function notesFrameTab(sender: SenderLike): number {
  let url: URL | null;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    url = null;
  }
  const ours = url && /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === NOTES_FRAME_PATH;
  if (!ours || sender.tab?.id === undefined || sender.tab.id < 0) throw new MessageError('forbidden', 'Only the panel’s notes frame, inside a tab, may send this.');
  return sender.tab.id;
}

export const notesFrameHandlers: Pick<Handlers, 'notesFrameHello' | 'notesFrameSize'> = {
  notesFrameHello: async ({ token, paperKey }, sender) => {
    const message: NotesFrameHello = { type: 'summary-lens:notes-frame-hello', token, paperKey };
    // No content script (or no panel that opened this token) answers false, or not at all.
    const mine: unknown = await browser.tabs.sendMessage(notesFrameTab(sender), message, { frameId: 0 }).catch(() => false);
    return { mine: mine === true };
  },
  notesFrameSize: async ({ token, height }, sender) => {
    const message: NotesFrameSize = { type: 'summary-lens:notes-frame-size', token, height };
    const delivered = await browser.tabs.sendMessage(notesFrameTab(sender), message, { frameId: 0 }).then(
      () => true,
      () => false,
    );
    return { delivered };
  },
};

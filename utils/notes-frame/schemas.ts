// The notes frame's part of the one protocol map (utils/messaging/protocol.ts spreads these).
// The in-page panel's notes frame (entrypoints/notes-frame) cannot message the content script of
// its tab directly in every browser (Firefox gives an extension frame inside a web page only
// runtime/storage, no tabs API), so the background relays its two messages to the content script
// of the sender's tab, top frame (entrypoints/background/notes-frame-handlers.ts).
import { z } from 'zod';
import { PaperKeySchema } from '../notes/schemas';
import { MAX_FRAME_HEIGHT, TOKEN_PATTERN } from './protocol';

const Token = z.string().regex(TOKEN_PATTERN);

export const notesFrameRequestSchemas = {
  /** "Did the panel of my tab open a frame with this token, for this paper?" */
  notesFrameHello: z.object({ token: Token, paperKey: PaperKeySchema }).strict(),
  /** The frame's content height (CSS px), for the panel to size the frame. */
  notesFrameSize: z.object({ token: Token, height: z.number().min(0).max(MAX_FRAME_HEIGHT * 4) }).strict(),
} as const;

export interface NotesFrameResponseMap {
  notesFrameHello: { mine: boolean };
  notesFrameSize: { delivered: boolean };
}

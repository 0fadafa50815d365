// The in-page panel's notes editor lives in an extension-origin iframe (entrypoints/content/panel/NotesFrame.tsx)
// inside the panel's closed shadow root. Neither a page script nor a frame locator can reach it
// through the shadow root, but the browser's frame tree lists it: Playwright (Chromium, an
// out-of-process frame) and puppeteer (Firefox, WebDriver BiDi) drive it as a frame of the page.
import type { Frame, Page } from 'playwright-core';
import type { Frame as FirefoxFrame, Page as FirefoxPage } from 'puppeteer-core';
import { inShadowFirefox } from './firefox';
import { inShadow } from './chromium';

export { inShadowFirefox };

export const NOTES_FRAME_FILE = '/notes-frame.html';
export const NOTES_TEXTAREA = '[data-testid="notes-editor"] textarea';

const isNotesFrame = (url: string) => /^(chrome|moz)-extension:\/\/[^/]+\/notes-frame\.html\?/.test(url);

/** Opens the summary panel's one-line notes (the editor frame is not there until then). */
export const OPEN_NOTES_LINE = 'function () { this.querySelector(".sl-notes-toggle[aria-expanded=\'false\']")?.click(); return true; }';

/** The panel's notes frame once its editor has loaded the note (textarea enabled), opening the notes line first. */
export async function notesFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  await inShadow(page, OPEN_NOTES_LINE);
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => !f.isDetached() && isNotesFrame(f.url()));
    if (frame && (await frame.locator(NOTES_TEXTAREA).isEnabled({ timeout: 50 }).catch(() => false))) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`No notes frame with a ready editor within ${timeout} ms; frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')}`);
}

/** Puppeteer/Firefox: the panel's notes frame once its editor is ready. */
export async function notesFrameFirefox(page: FirefoxPage, timeout = 15_000): Promise<FirefoxFrame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    // (puppeteer may still list an extension frame under its first URL, about:blank: ask the frame)
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const ready = await frame
        .evaluate((s) => /^moz-extension:\/\/[^/]+\/notes-frame\.html\?/.test(location.href) && document.querySelector<HTMLTextAreaElement>(s)?.disabled === false, NOTES_TEXTAREA)
        .catch(() => false);
      if (ready) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No notes frame with a ready editor within ${timeout} ms; frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')}`);
}


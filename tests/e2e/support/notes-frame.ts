// The in-page panel's notes editor lives in an extension-origin iframe (components/NotesFrame.tsx)
// inside the panel's closed shadow root. Neither a page script nor a frame locator can reach it
// through the shadow root, but the browser's frame tree lists it: Playwright (Chromium, an
// out-of-process frame) and puppeteer (Firefox, WebDriver BiDi) drive it as a frame of the page.
import type { Frame, Page } from 'playwright-core';
import type { Browser as FirefoxBrowser, Frame as FirefoxFrame, Page as FirefoxPage } from 'puppeteer-core';

export const NOTES_FRAME_FILE = '/notes-frame.html';
export const NOTES_TEXTAREA = '[data-testid="notes-editor"] textarea';

const isNotesFrame = (url: string) => /^(chrome|moz)-extension:\/\/[^/]+\/notes-frame\.html\?/.test(url);

/** The panel's notes frame once its editor has loaded the note (textarea enabled). */
export async function notesFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
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

/**
 * Firefox: runs `fn` (a function's source) with the panel's closed shadow root as its argument,
 * through WebDriver BiDi (which can hand out closed shadow roots; a page script cannot).
 */
export async function inShadowFirefox<T>(browser: FirefoxBrowser, page: FirefoxPage, fn: string, hostTag = 'summary-lens-panel'): Promise<T | null> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostTag)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  const sharedId = result?.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const out = await connection.send('script.callFunction', {
    functionDeclaration: fn,
    arguments: [{ sharedId }],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (out.result?.type === 'exception') throw new Error(`in shadow root: ${JSON.stringify(out.result.exceptionDetails?.text ?? out.result)}`);
  return deserialize(out.result?.result) as T;
}

/** WebDriver BiDi remote values -> plain JSON (enough for numbers, strings, booleans, arrays, objects). */
function deserialize(value: any): unknown {
  if (!value) return null;
  switch (value.type) {
    case 'array':
      return (value.value as any[]).map(deserialize);
    case 'object':
      return Object.fromEntries((value.value as [any, any][]).map(([k, v]) => [typeof k === 'string' ? k : deserialize(k), deserialize(v)]));
    case 'null':
    case 'undefined':
      return null;
    default:
      return value.value;
  }
}

// Injects the content script's drawing bundle (entrypoints/content-ui.content) into the frame of
// a paper page that asked for it: the page then pays for preact and the panel only when it shows
// something, and nothing of the bundle needs to be web-accessible. The file name is fixed; the
// browser only injects into pages the extension holds host permissions for (the paper sites).
import { browser } from 'wxt/browser';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers } from '@/utils/messaging/dispatch';

const CONTENT_UI_FILE = '/content-scripts/content-ui.js';

async function injectContentUi(tabId: number, frameId: number): Promise<void> {
  // Not injectImmediately: the browser runs it once the page is idle (after its load, or a while
  // after DOMContentLoaded), so the bundle never competes with the page's own loading.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_UI_FILE] });
}

export const contentUiHandlers: Pick<Handlers, 'loadContentUi'> = {
  loadContentUi: async (_, sender) => {
    const tabId = sender.tab?.id;
    // Only a content script asks: it runs in a web page's frame (an extension page has its own code).
    if (tabId === undefined || !sender.url || !/^https?:/.test(sender.url)) throw new MessageError('forbidden', 'Only a paper page can load the panel.');
    await injectContentUi(tabId, sender.frameId ?? 0);
    return { loaded: true };
  },
};

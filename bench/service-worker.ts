// The extension's background service worker seen through the DevTools protocol (ServiceWorker
// domain): stop it, check it is stopped, and count how often it starts.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Tracks the extension service worker's running status (DevTools ServiceWorker domain). */
export async function serviceWorkerControl(context: BrowserContext, page: Page, extensionId: string) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const script = `chrome-extension://${extensionId}/`;
  let status = 'unknown';
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(script)) continue;
      // A start is any step out of stopped: the protocol may report a quick start as 'running'
      // without the 'starting' before it.
      const wasDown = status === 'stopped' || status === 'stopping';
      if (v.runningStatus === 'starting' ? status !== 'starting' : v.runningStatus === 'running' && wasDown) starts++;
      status = v.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const workerTargets = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(script)).length;
  return {
    /**
     * Stops it and checks it really is stopped: status 'stopped' and no worker target left. Asked
     * again when it is still (or again) running: an event from the previous page can wake it.
     */
    async stop(): Promise<void> {
      for (let attempt = 0; attempt < 10; attempt++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        const deadline = Date.now() + 1000;
        while (Date.now() < deadline) {
          if (status === 'stopped' && (await workerTargets()) === 0) return;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
      throw new Error(`The background service worker did not stop (status ${status}).`);
    },
    /** How many times the worker has started since we began watching. */
    starts: () => starts,
    status: () => status,
    detach: () => cdp.detach(),
  };
}


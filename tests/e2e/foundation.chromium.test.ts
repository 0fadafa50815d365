import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, serveFixtures, shadowText, waitForShadowText, type ExtensionBrowser } from './support/chromium';

describe('foundation (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    serveFixtures({ 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('background answers ping and reports the seeded database', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => page.getByTestId('db-status').textContent(), { timeout: 15_000 }).toMatch(/172 summaries/);
  });

  it('mounts the panel in a closed shadow root on an arXiv abs page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2106.09608');
    const text = await waitForShadowText(page, (t) => t.includes('Summary Lens') && !t.includes('Loading'));
    expect(text).toMatch(/No summary yet|Learning Knowledge Graph/);
    // Closed: the page's own scripts see a host element but no shadow root.
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.shadowRoot ?? 'no-access')).toBe('no-access');
    await screenshot(page, 'chromium-abs-panel');
  });

  it('shows no panel when the extension is not loaded (control)', async () => {
    const plain = await launchChromium({ withExtension: false });
    try {
      const page = await plain.context.newPage();
      await page.goto('https://arxiv.org/abs/2106.09608');
      await page.waitForTimeout(1000);
      expect(await shadowText(page)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

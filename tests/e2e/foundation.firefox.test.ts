import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, panelRootAsSeenByPage, screenshotFirefox, shadowTextFirefox, waitForShadowTextFirefox, type FirefoxSession } from './support/firefox';

const FIXTURES = { 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' };

describe('foundation (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  it('mounts the panel in a closed shadow root on an arXiv abs page', async () => {
    const page = await firefox.newPage(FIXTURES);
    await page.goto('https://arxiv.org/abs/2106.09608');
    const text = await waitForShadowTextFirefox(firefox.browser, page, (t) => t.includes('Summary Lens') && !t.includes('Loading'));
    expect(text).toMatch(/No summary yet|Learning Knowledge Graph/);
    // The host is in the page, and the page's own script gets null for its shadow root.
    expect(await panelRootAsSeenByPage(page)).toBe('closed');
    await screenshotFirefox(page, 'firefox-abs-panel');
  });

  it('shows no panel when the extension is not loaded (control)', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const page = await plain.newPage(FIXTURES);
      await page.goto('https://arxiv.org/abs/2106.09608');
      await page.waitForFunction(() => document.readyState === 'complete');
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain.browser, page)).toBeNull();
      // The same check as above, without a panel, must not read as "closed".
      expect(await panelRootAsSeenByPage(page)).toBe('missing');
    } finally {
      await plain.close();
    }
  });
});

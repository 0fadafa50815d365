import { it } from 'vitest';
import { launchChromium } from './support/chromium';
import { openExtensionPage, waitForReady, send, extensionStorage } from './support/extension-db';
it('exp', async () => {
  const b = await launchChromium();
  const page = await openExtensionPage(b);
  await waitForReady(page);
  for (let k = 0; k < 2; k++) {
    await page.getByTestId('pack-file').setInputFiles('/tmp/pack-10k.json');
    for (;;) {
      const t = await page.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]').allInnerTexts();
      if (/Imported|Could not/.test(t.join())) { console.log(t); break; }
      await page.waitForTimeout(200);
    }
    const m = await extensionStorage(page, 'corpusLastInstall');
    console.log('install', m.installMs.toFixed(0), 'total', m.totalMs.toFixed(0));
    const t0 = Date.now(); await send(page, 'removePack', { id: 'synthetic-10000' }); console.log('remove', Date.now() - t0);
  }
  await b.close();
}, 200000);

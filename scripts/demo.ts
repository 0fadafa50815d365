// `npm run demo`: opens Chromium with the built extension on fixture paper pages (served
// offline). With a display it stays open for you to try; without one it runs headless and
// writes screenshots of each view to tests/artifacts/demo-*.png.
import { launchChromium, screenshot, serveFixtures } from '../tests/e2e/support/chromium';
import { PANEL_FIXTURES } from '../tests/e2e/support/panel';

const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
serveFixtures({
  ...PANEL_FIXTURES,
  'arxiv.org/list/cs.LG/2006': 'pages/listing-arxiv-list-cs.LG-2006.html',
});
const demoPages = [
  { name: 'abs-current-layout', url: 'https://arxiv.org/abs/1701.05369' },
  { name: 'abs-2021-layout', url: 'https://arxiv.org/abs/2001.04451v2' },
  { name: 'html-full-text', url: 'https://arxiv.org/html/1911.05507v1' },
  { name: 'openreview-forum', url: 'https://openreview.net/forum?id=SylKikSYDH' },
  { name: 'listing', url: 'https://arxiv.org/list/cs.LG/2006' },
  { name: 'abs-no-summary', url: 'https://arxiv.org/abs/2106.09608' },
];

const browser = await launchChromium({ headless: !headed });
const shots: string[] = [];
for (const { name, url } of demoPages) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForTimeout(1500);
  shots.push(await screenshot(page, `demo-${name}`));
}
for (const view of ['popup', 'options', 'sidepanel']) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: view === 'popup' ? 420 : 1000, height: 640 });
  await page.goto(`chrome-extension://${browser.extensionId}/${view}.html`);
  await page.waitForTimeout(1000);
  shots.push(await screenshot(page, `demo-${view}`));
}
if (headed) {
  console.log('Chromium is open with Summary Lens loaded. Close the browser window to end the demo.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
} else {
  console.log(`No display: ran headless and wrote\n  ${shots.join('\n  ')}`);
  await browser.close();
}

// Background wake-ups on pages the extension does not serve, in real Chromium with the built
// extension: 12 pages on other sites load one after the other in a tab, the service worker
// stopped (and checked stopped) before each; every start of the worker is counted (DevTools ServiceWorker
// domain). The same is then done with 12 paper pages as the control: those must wake it, or the
// count above could not see a wake-up at all.
import type { Report } from './report';
import { serviceWorkerControl } from './service-worker';

const AREA = 'wake-ups';
const OTHER_SITES = [
  'https://en.wikipedia.org/wiki/Neural_network',
  'https://github.com/openai/gpt-2',
  'https://news.ycombinator.com/',
  'https://www.youtube.com/watch?v=aircAruvnKk',
  'https://scholar.google.com/scholar?q=dropout',
  'https://www.semanticscholar.org/paper/abc',
  'https://paperswithcode.com/method/dropout',
  'https://twitter.com/karpathy',
  'https://www.reddit.com/r/MachineLearning/',
  'https://stackoverflow.com/questions/1',
  'https://docs.python.org/3/',
  'https://example.org/blog/post',
];
const PAPER_PAGE = 'https://arxiv.org/abs/1701.05369';

export async function benchWakeups(report: Report): Promise<void> {
  const { launchChromium, serveFixtures } = await import('../tests/e2e/support/chromium');
  const { PANEL_FIXTURES } = await import('../tests/e2e/support/panel');
  serveFixtures(PANEL_FIXTURES);
  const browser = await launchChromium();
  try {
    // Other sites answer with a small page of their own (the launcher refuses the internet).
    await browser.context.route(/^https:\/\/(?!([a-z0-9-]+\.)*(arxiv\.org|openreview\.net|ar5iv\.org)\/)/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>${new URL(route.request().url()).host}</title><h1>Some page</h1><p>${'Text. '.repeat(200)}</p>` }),
    );
    const page = await browser.context.newPage();
    const worker = await serviceWorkerControl(browser.context, page, browser.extensionId);
    await page.goto(PAPER_PAGE, { waitUntil: 'load' }); // first start: seeding; not counted
    let others = 0;
    for (const url of OTHER_SITES) {
      // Stopped before each page: a worker woken by one page would otherwise hear the next ones awake.
      await page.goto('about:blank');
      await worker.stop();
      const before = worker.starts();
      await page.goto(url, { waitUntil: 'load' });
      // An event reaches the worker asynchronously: give it the time a wake-up takes to show.
      await page.waitForTimeout(200);
      others += worker.starts() - before;
    }
    report.add(AREA, `background starts while ${OTHER_SITES.length} pages on other sites load`, others, 'starts', {
      target: { op: '<=', limit: 0, source: 'quality bar: no listener that wakes the background for every tab' },
      note: 'service worker stopped (checked) before each page; DevTools ServiceWorker.workerVersionUpdated',
    });
    // Control: a paper page must wake it (the lookup), or the count above proves nothing.
    let controlStarts = 0;
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      await worker.stop();
      const b = worker.starts();
      await page.goto(PAPER_PAGE, { waitUntil: 'load' });
      const deadline = Date.now() + 5000;
      while (worker.starts() === b && Date.now() < deadline) await page.waitForTimeout(20);
      controlStarts += worker.starts() - b > 0 ? 1 : 0;
    }
    report.add(AREA, 'control: paper page loads that woke the stopped background', controlStarts, 'of 3', {
      target: { op: '>=', limit: 3, source: 'the count above must be able to see a wake-up' },
    });
    await worker.detach();
  } finally {
    await browser.close();
  }
}

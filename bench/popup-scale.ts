// The real popup with a large pack imported (Chromium, the built extension): a fresh profile per
// size, the pack imported as a user does it (a file chosen on the options page), then the popup
// opened several times to find a paper of that pack by its words, and typed into.
//
// 10,000 summaries: make-packs rows of realistic size (~9 KB of markdown + KaTeX HTML, ~100 MB).
// 100,000: the same generator with abstract-length text (400 characters), so the file stays under
// the 200 MB import limit; its vocabulary is the shipped corpus's, cycled, so every common word is
// in tens of thousands of documents — harsher for the index than real text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from './report';
import { KEYSTROKES, popupAtScale, reportPopupAtScale } from './popup';

const SIZES = [
  { summaries: 10_000, textChars: undefined, open: 200, keystroke: 16, heapMB: undefined, importMs: 5_000 },
  { summaries: 100_000, textChars: 400, open: 400, keystroke: 50, heapMB: 150, importMs: 60_000 },
];

export async function benchPopupScale(report: Report, opts: { sizes?: number[] } = {}): Promise<void> {
  const { launchChromium } = await import('../tests/e2e/support/chromium');
  const { makePack } = await import('../tests/fixtures/packs/make-packs');
  for (const size of SIZES.filter((s) => !opts.sizes || opts.sizes.includes(s.summaries))) {
    const label = `${size.summaries.toLocaleString('en-US')} imported`;
    const packId = `bench-${size.summaries / 1000}k`;
    const dir = mkdtempSync(join(tmpdir(), 'sl-bench-scale-'));
    const file = join(dir, `${packId}.json`);
    writeFileSync(file, JSON.stringify(makePack({ id: packId, summaries: size.summaries, textChars: size.textChars })));
    const browser = await launchChromium();
    try {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByTestId('packs-table').waitFor({ timeout: 60_000 });
      const status = options.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]');
      const t0 = performance.now();
      await options.getByTestId('pack-file').setInputFiles(file);
      await options.waitForFunction(() => /^(Imported|Could not)/.test(document.querySelector('[data-testid=pack-import-status],[data-testid=pack-import-error]')?.textContent ?? ''), null, { timeout: 900_000, polling: 200 });
      const importMs = performance.now() - t0;
      const said = await status.innerText();
      if (!said.startsWith('Imported')) throw new Error(`The ${label} import failed: ${said}`);
      report.add('popup', `pack import from the options page, ${label}`, importMs, 'ms', {
        target: { op: '<=', limit: size.importMs, source: `quality bar: import ≤ ${size.importMs / 1000} s at ${size.summaries.toLocaleString('en-US')}` },
        note: `file chosen → "Imported" on the page, search index included (${said.split('\n')[0]})`,
      });
      await options.close();
      const found = await popupAtScale(browser, { query: `${packId} 4321`, expect: `(${packId} 4321)`, opens: 6, keystrokeQueries: KEYSTROKES, timeoutMs: 120_000 });
      reportPopupAtScale(report, label, found, { open: size.open, keystroke: size.keystroke, heapMB: size.heapMB }, `query "${packId} 4321" (words of one paper of the pack), its row on screen`);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

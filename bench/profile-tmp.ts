import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYSTROKES } from './popup';
process.env.WXT_OUT_DIR ??= '.output-bench';
const { launchChromium } = await import('../tests/e2e/support/chromium');
const { makePack } = await import('../tests/fixtures/packs/make-packs');
const dir = '/tmp/sl-prof-profile';
const fresh = !process.argv.includes('--reuse');
const browser = await launchChromium({ userDataDir: dir });
if (fresh) {
  const file = join(mkdtempSync(join(tmpdir(), 'slp-')), 'p.json');
  writeFileSync(file, JSON.stringify(makePack({ id: 'bench-10k', summaries: 10000 })));
  const o = await browser.context.newPage();
  await o.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await o.getByTestId('packs-table').waitFor({ timeout: 60000 });
  await o.getByTestId('pack-file').setInputFiles(file);
  await o.waitForFunction(() => /^(Imported|Could not)/.test(document.querySelector('[data-testid=pack-import-status],[data-testid=pack-import-error]')?.textContent ?? ''), null, { timeout: 900000, polling: 200 });
  console.log(await o.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]').innerText());
  await o.close();
}
const page = await browser.context.newPage();
await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search-input');
await page.keyboard.insertText('bench-10k 4321');
await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="result"]')].some((r) => r.textContent?.includes('(bench-10k 4321)')), null, { timeout: 60000 });
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const times = await page.evaluate(`(async (queries) => {
  const input = document.querySelector('[data-testid="search-input"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (let k = 0; k < 3; k++) for (const q of queries) {
    const before = document.querySelector('[data-testid="results"]')?.textContent ?? '';
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      const done = () => { observer.disconnect(); resolve(performance.now()); };
      const observer = new MutationObserver(() => { if ((document.querySelector('[data-testid="results"]')?.textContent ?? '') !== before) done(); });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      setTimeout(done, 2000);
    });
    setValue.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    out.push([q, (await changed) - t0]);
  }
  return out;
})(${JSON.stringify(KEYSTROKES)})`) as [string, number][];
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas!; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples!.forEach((id, i) => { const n = byId.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
const sorted = times.map((t) => t[1]).sort((a, b) => a - b);
console.log('median', sorted[Math.floor(sorted.length / 2)].toFixed(1), 'p95', sorted[Math.floor(sorted.length * 0.95)].toFixed(1));
console.log(times.slice(0, 40).map(([q, t]) => `${q}:${t.toFixed(0)}`).join(' '));
await browser.close();

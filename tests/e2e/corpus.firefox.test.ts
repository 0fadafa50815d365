// Corpus packs in Firefox ESR, from the options page of the built extension: the shipped pack is
// seeded on install; a good pack file is imported (its papers found), a bad one refused with a
// clear message and nothing written; the pack is removed again; an import stopped by closing its
// page leaves the old state. Control: no options page without the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { assertConsistent, snapshotDb } from './support/extension-db';
import { launchFirefox, screenshotFirefox, textOf, uploadFirefox, type FirefoxSession } from './support/firefox';
import { badPackFiles, collidingPack, makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

declare const browser: typeof import('wxt/browser').browser;

const STATUS = '[data-testid=pack-import-status],[data-testid=pack-import-error]';

describe('corpus packs (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let options: Page;
  beforeAll(async () => {
    firefox = await launchFirefox();
    options = await firefox.openExtensionPage('options.html');
  });
  afterAll(() => firefox?.close());

  const send = (type: string, data: unknown) => options.evaluate((t, d) => browser.runtime.sendMessage({ type: t, data: d }) as Promise<any>, type, data);

  /** Picks a file in the options page's input and waits for this import's own final message. */
  async function importFile(name: string, text: string): Promise<string> {
    const previous = (await textOf(options, STATUS)) ?? '';
    const path = join(firefox.profileDir, name);
    writeFileSync(path, text);
    await uploadFirefox(options, '[data-testid="pack-file"]', path);
    await expect.poll(async () => {
      const now = (await textOf(options, STATUS)) ?? '';
      return now !== previous && /^(Imported|Could not|.*already installed)/.test(now);
    }, { timeout: 30_000 }).toBe(true);
    return (await textOf(options, STATUS))!;
  }

  it('seeds the shipped pack on install', async () => {
    await expect.poll(() => textOf(options, '[data-testid="db-status"]'), { timeout: 20_000 }).toMatch(/172 summaries/);
    const db = await snapshotDb(options);
    expect(db).toMatchObject({ summaries: 172, notes: [] });
    expect(db.packs.map((p) => p.id)).toEqual(['builtin']);
    expect(assertConsistent(db)).toEqual([]);
  });

  it('refuses bad pack files with a clear message each and writes nothing', async () => {
    const before = await snapshotDb(options);
    const cases = [...badPackFiles(), { name: 'collides.json', text: JSON.stringify(collidingPack()), says: /already belongs to the pack "builtin"/ }];
    for (const bad of cases) {
      const text = await importFile(bad.name, bad.text);
      expect(text, bad.name).toMatch(new RegExp(`^Could not import ${bad.name.replace('.', '\\.')}: `));
      expect(text, bad.name).toMatch(bad.says);
    }
    expect(await options.$eval('[data-testid=pack-import-error]', (e) => e.getAttribute('role'))).toBe('alert');
    await screenshotFirefox(options, 'firefox-pack-import-error');
    expect(await snapshotDb(options)).toEqual(before);
  });

  it('imports a good pack, finds its papers, and removes it again', async () => {
    const pack = makePack({ id: 'my-lab', name: 'My lab’s summaries', summaries: 60, concepts: 4 });
    expect(await importFile('my-lab.json', JSON.stringify(pack))).toMatch(/Imported “My lab’s summaries”: 60 summaries, 4 concepts/);
    await expect.poll(() => textOf(options, '[data-pack-id="my-lab"]')).toMatch(/My lab’s summaries.*60.*4/s);
    const found = await send('lookupPaper', { ref: { arxivId: `${syntheticArxivId(42)}v2` } });
    expect(found.data.summary).toMatchObject({ id: 'my-lab-s42', paper: { arxivId: syntheticArxivId(42) } });
    expect((await snapshotDb(options)).rowsPerPack).toMatchObject({ builtin: 172, 'my-lab': 60 });

    // Its papers are searchable from the popup too.
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.type('[data-testid="search-input"]', pack.summaries[42].paper.title!);
    await expect.poll(() => textOf(popup, '[data-testid="result"] .sl-result-title'), { timeout: 20_000 }).toBe(pack.summaries[42].paper.title);
    await popup.close();

    await options.bringToFront();
    await options.click('[data-pack-id="my-lab"] button[aria-label^="Remove pack"]');
    await expect.poll(() => textOf(options, STATUS)).toMatch(/Removed “My lab’s summaries”/);
    expect((await send('lookupPaper', { ref: { arxivId: syntheticArxivId(42) } })).data.summary).toBeNull();
    expect((await snapshotDb(options)).rowsPerPack).toEqual({ builtin: 172 });
  });

  it('an options page closed in the middle of an import leaves the old state; a second tab is refused meanwhile; the next import sweeps the leftovers', async () => {
    const before = await snapshotDb(options);
    const path = join(firefox.profileDir, 'stopped-midway.json');
    writeFileSync(path, JSON.stringify(makePack({ id: 'stopped-midway', name: 'Stopped midway', summaries: 10_000 })));
    // The import runs in the page that chose the file: closing that page stops it midway.
    const importer = await firefox.openExtensionPage('options.html');
    await importer.waitForSelector('[data-testid="packs-table"]');
    await uploadFirefox(importer, '[data-testid="pack-file"]', path);
    await expect.poll(() => textOf(importer, STATUS), { timeout: 60_000, interval: 50 }).toMatch(/^Writing summaries: [1-9][0-9,]* \/ 10,000/);
    await options.bringToFront();
    expect(await importFile('second-tab.json', JSON.stringify(makePack({ id: 'second-tab', summaries: 3, concepts: 0 })))).toMatch(/^Could not import second-tab\.json: Another import or corpus update is running/);
    await importer.close();

    const stopped = await snapshotDb(options);
    expect(assertConsistent(stopped)).toEqual([]);
    expect({ ...stopped, hiddenRows: 0 }).toEqual({ ...before, hiddenRows: 0 });
    expect(stopped.hiddenRows, 'the closed page left rows of its unfinished generation').toBeGreaterThan(0);
    expect((await send('lookupPaper', { ref: { arxivId: syntheticArxivId(3) } })).data.summary).toBeNull();

    const pack = makePack({ id: 'after-the-stop', name: 'After the stop', summaries: 30, concepts: 1 });
    expect(await importFile('after-the-stop.json', JSON.stringify(pack))).toMatch(/^Imported “After the stop”: 30 summaries/);
    const after = await snapshotDb(options);
    expect(after.rowsPerPack).toEqual({ builtin: 172, 'after-the-stop': 30 });
    expect(after.hiddenRows, 'swept by the next import').toBe(0);
    expect((await send('lookupPaper', { ref: { arxivId: syntheticArxivId(3) } })).data.summary).toMatchObject({ id: 'after-the-stop-s3' });
  }, 120_000);

  it('control: without the extension there is no options page', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const tab = await plain.browser.newPage();
      void tab.goto(`moz-extension://${firefox.uuid}/options.html`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await tab.evaluate(() => document.querySelector('[data-testid="pack-file"]'))).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

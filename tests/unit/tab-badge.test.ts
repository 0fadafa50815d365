// The toolbar badge's decisions, against the real shipped corpus in fake-indexeddb and WXT's fake
// browser: which URLs get the mark, and how tab events (as they arrive without a `tabs`
// permission) move it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SummaryLensDB } from '../../utils/db';
import { installPack } from '../../utils/corpus/install';
import { findSummary } from '../../utils/corpus/lookup';
import { PackSchema } from '../../utils/corpus/pack';
import type { PaperRef } from '../../utils/paper-ref';
import { BADGE_TEXT, DEFAULT_TITLE, badgeForUrl, createTabBadges, toolbarAction, watchTabBadges, type SummaryLookup } from '@/entrypoints/background/tab-badge';

let db: SummaryLensDB;
let lookup: SummaryLookup;
beforeAll(async () => {
  db = new SummaryLensDB(`sl-tab-badge-${Math.random().toString(36).slice(2)}`);
  const pack = PackSchema.parse(JSON.parse(readFileSync(new URL('../../public/corpus/pack.json', import.meta.url), 'utf8')));
  await installPack(db, pack, { builtin: true });
  lookup = (ref: PaperRef) => findSummary(db, ref);
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});
beforeEach(() => fakeBrowser.reset());

const ADVERSARIAL_SSL = 'Adversarial Self-Supervised Contrastive Learning'; // arXiv 2006.07589
const COMPRESSIVE = 'Compressive Transformers for Long-Range Sequence Modelling'; // 1911.05507, OpenReview SylKikSYDH

describe('badgeForUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2006.07589', ADVERSARIAL_SSL],
    ['https://arxiv.org/abs/2006.07589v2', ADVERSARIAL_SSL],
    ['https://arxiv.org/pdf/2006.07589', ADVERSARIAL_SSL],
    ['https://arxiv.org/pdf/2006.07589v2', ADVERSARIAL_SSL],
    ['https://arxiv.org/pdf/2006.07589v1.pdf', ADVERSARIAL_SSL],
    ['https://export.arxiv.org/pdf/2006.07589', ADVERSARIAL_SSL],
    ['https://www.arxiv.org/abs/2006.07589#comments', ADVERSARIAL_SSL],
    ['https://arxiv.org/html/2006.07589v3', ADVERSARIAL_SSL],
    ['https://openreview.net/forum?id=SylKikSYDH', COMPRESSIVE],
    ['https://openreview.net/pdf?id=SylKikSYDH', COMPRESSIVE],
  ])('marks %s (a corpus paper)', async (url, title) => {
    expect(await badgeForUrl(url, lookup)).toEqual({ text: BADGE_TEXT, title: `${DEFAULT_TITLE}: summary of “${title}”` });
  });

  it.each([
    ['a paper outside the corpus', 'https://arxiv.org/pdf/1706.03762v7'],
    ['a listing page (many papers, no one paper)', 'https://arxiv.org/list/cs.LG/2006'],
    ['the arXiv home page', 'https://arxiv.org/'],
    ['an OpenReview paper outside the corpus', 'https://openreview.net/forum?id=not_in_corpus-1'],
    ['a corpus id on another site', 'https://example.com/abs/2006.07589'],
    ['a tab whose URL we may not see', undefined],
  ])('leaves no mark on %s', async (_what, url) => {
    expect(await badgeForUrl(url, lookup)).toEqual({ text: '', title: DEFAULT_TITLE });
  });

  it('marks nothing when the database cannot answer', async () => {
    const badges = createTabBadges(() => Promise.reject(new Error('QuotaExceededError')));
    await badges.update(7, 'https://arxiv.org/abs/2006.07589');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });
});

describe('watchTabBadges (tab events as seen without the tabs permission)', () => {
  const badgeOf = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
  const titleOf = (tabId: number) => fakeBrowser.action.getTitle({ tabId });
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('marks tabs already open when the background starts', async () => {
    const paper = await fakeBrowser.tabs.create({ url: 'https://arxiv.org/pdf/2006.07589v2' });
    const other = await fakeBrowser.tabs.create({ url: 'https://arxiv.org/abs/1706.03762' });
    const hidden = await fakeBrowser.tabs.create({}); // a site without host permission: no URL
    watchTabBadges(lookup);
    await settle();
    expect(await badgeOf(paper.id!)).toBe(BADGE_TEXT);
    expect(await titleOf(paper.id!)).toContain(ADVERSARIAL_SSL);
    expect(await badgeOf(other.id!)).toBe('');
    expect(await badgeOf(hidden.id!)).toBe('');
  });

  it('does not look every tab up again when the service worker merely wakes up', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://arxiv.org/abs/2006.07589' });
    let lookups = 0;
    const counting: SummaryLookup = (ref) => {
      lookups++;
      return lookup(ref);
    };
    watchTabBadges(counting); // first start in this browser session: marks the open tabs
    await settle();
    expect(lookups).toBe(1);
    expect(await badgeOf(tab.id!)).toBe(BADGE_TEXT);
    watchTabBadges(counting); // the worker was stopped and woke up again: badges are still there
    await settle();
    expect(lookups).toBe(1);
  });

  it('follows a tab through navigations, including in-page URL changes and leaving our hosts', async () => {
    watchTabBadges(lookup);
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    const id = tab.id!;
    await fakeBrowser.tabs.update(id, { url: 'https://arxiv.org/abs/1706.03762' });
    await settle();
    expect(await badgeOf(id)).toBe('');

    await fakeBrowser.tabs.update(id, { url: 'https://openreview.net/forum?id=SylKikSYDH' }); // pushState on OpenReview
    await settle();
    expect(await badgeOf(id)).toBe(BADGE_TEXT);
    expect(await titleOf(id)).toContain(COMPRESSIVE);

    // Navigating to a host we hold no permission for: Chromium reports status "loading" and no URL.
    await fakeBrowser.tabs.onUpdated.trigger(id, { status: 'loading' }, { ...tab, url: undefined });
    await settle();
    expect(await badgeOf(id)).toBe('');
    expect(await titleOf(id)).toBe(DEFAULT_TITLE);
  });

  it('keeps the mark a content script confirmed for a page its URL cannot identify, until the tab leaves that URL', async () => {
    const badges = createTabBadges(lookup);
    const forum = 'https://openreview.net/forum?id=TitleOnlyMatch'; // matched in the page by title + first author
    await badges.update(9, forum);
    expect(await badgeOf(9)).toBe('');
    await badges.confirm(9, forum, COMPRESSIVE);
    expect(await badgeOf(9)).toBe(BADGE_TEXT);
    expect(await titleOf(9)).toContain(COMPRESSIVE);
    await badges.update(9, forum); // the load completes: the URL lookup alone finds nothing, the confirmation stands
    expect(await badgeOf(9)).toBe(BADGE_TEXT);
    await badges.update(9, 'https://openreview.net/forum?id=another-paper'); // in-page navigation elsewhere
    expect(await badgeOf(9)).toBe('');
  });

  it('ignores updates that are not navigations (title, favicon, audible)', async () => {
    let lookups = 0;
    watchTabBadges((ref) => {
      lookups++;
      return lookup(ref);
    });
    await settle();
    const tab = await fakeBrowser.tabs.create({ url: 'https://arxiv.org/pdf/2006.07589' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { title: 'Adversarial Self-Supervised…' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { audible: false }, tab);
    await settle();
    expect(lookups).toBe(0);
  });

  it('lets the newest navigation win when an older lookup answers last', async () => {
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((r) => (releaseSlow = r));
    const badges = createTabBadges(async (ref) => {
      if (ref.arxivId === '2006.07589') await slowGate; // the first page's lookup is slow
      return lookup(ref);
    });
    const first = badges.update(3, 'https://arxiv.org/abs/2006.07589');
    await badges.update(3, 'https://arxiv.org/abs/1706.03762');
    releaseSlow();
    await first;
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('uses browserAction where there is no action API (Firefox MV2)', async () => {
    const browser = fakeBrowser as unknown as { action?: unknown; browserAction: unknown };
    const { action, browserAction } = browser;
    try {
      browser.browserAction = action;
      browser.action = undefined;
      expect(toolbarAction()).toBe(action);
      await createTabBadges(lookup).update(5, 'https://arxiv.org/abs/2006.07589');
      expect(await (browser.browserAction as typeof fakeBrowser.action).getBadgeText({ tabId: 5 })).toBe(BADGE_TEXT);
    } finally {
      browser.action = action;
      browser.browserAction = browserAction;
    }
  });
});

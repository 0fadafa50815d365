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
import { BADGE_TEXT, DEFAULT_TITLE, PDF_URL_PATTERNS, badgeForUrl, confirmedMarksItem, createTabBadges, toolbarAction, watchTabBadges, type SummaryLookup } from '@/entrypoints/background/tab-badge';

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

describe('watchTabBadges (marks without the tabs permission, and without tab events)', () => {
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

  it('listens to no tab event in Chromium: other sites never wake the background', () => {
    watchTabBadges(lookup);
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
  });

  it('filters Firefox’s PDF-tab events to the paper sites’ PDF addresses', () => {
    const matches = (url: string) => PDF_URL_PATTERNS.some((p) => new RegExp(`^${p.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
    expect(matches('https://arxiv.org/pdf/2006.07589v2')).toBe(true);
    expect(matches('https://export.arxiv.org/pdf/2006.07589')).toBe(true);
    expect(matches('https://openreview.net/pdf?id=SylKikSYDH')).toBe(true);
    expect(matches('https://arxiv.org/abs/2006.07589')).toBe(false);
    expect(matches('https://example.com/pdf/2006.07589')).toBe(false);
  });

  it('keeps a title-matched mark across a service-worker restart (session storage), and drops it when the tab leaves the page', async () => {
    const forum = 'https://openreview.net/forum?id=TitleOnlyMatch';
    const tab = await fakeBrowser.tabs.create({ url: forum });
    await createTabBadges(lookup).confirm(tab.id!, forum, COMPRESSIVE);
    expect(await badgeOf(tab.id!)).toBe(BADGE_TEXT);
    // The worker stops and starts again: its memory is gone, then a pack import refreshes every tab.
    const restarted = createTabBadges(lookup);
    await restarted.refreshAll();
    expect(await badgeOf(tab.id!)).toBe(BADGE_TEXT);
    expect(await titleOf(tab.id!)).toContain(COMPRESSIVE);
    await restarted.update(tab.id!, 'https://openreview.net/group?id=ICLR.cc/2020/Conference');
    expect(await badgeOf(tab.id!)).toBe('');
  });

  it('forgets the marks of closed tabs when it refreshes (no listener on every tab closing)', async () => {
    const forum = 'https://openreview.net/forum?id=TitleOnlyMatch';
    const kept = await fakeBrowser.tabs.create({ url: forum });
    const closed = kept.id! + 100; // a tab that was closed since (the fake browser's remove() is broken)
    const badges = createTabBadges(lookup);
    await badges.confirm(closed, forum, COMPRESSIVE);
    await badges.confirm(kept.id!, forum, COMPRESSIVE);
    expect(Object.keys(await confirmedMarksItem.getValue()).sort()).toEqual([String(closed), String(kept.id)].sort());
    await badges.refreshAll();
    expect(Object.keys(await confirmedMarksItem.getValue())).toEqual([String(kept.id)]);
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

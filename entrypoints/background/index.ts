import { browser } from 'wxt/browser';
import { dispatch } from '@/utils/messaging/dispatch';
import { handlers } from './handlers';
import { describeDbError } from '@/utils/db-errors';
import { ensureSeeded } from './corpus-state';
import { watchTabBadges } from './tab-badge';
import { moveLegacyStorage } from './legacy-storage';
import { watchSiteScripts } from './site-scripts';
import { sweepStaleRows } from '@/utils/corpus/install';
import { getDb } from '@/utils/db';
import { registerOmnibox } from './omnibox';
import { omniboxSearch } from './omnibox-search';

/**
 * The worker mostly starts because a paper page asked something: start-up chores that no answer
 * waits for run this long after, so they do not compete with that first answer.
 */
const CHORES_DELAY_MS = 3000;

export default defineBackground(() => {
  // Seed on install/update and on every start (a no-op when the corpus version is unchanged).
  browser.runtime.onInstalled.addListener(() => void ensureSeeded().catch(() => {}));
  void ensureSeeded().catch(() => {});
  setTimeout(() => {
    // Private lists an older release left where content scripts could read them.
    void moveLegacyStorage().catch(() => {});
    // Rows an import left when its page closed or its worker stopped: invisible, deleted at leisure
    // (skipped while another context installs: the rows it writes are named by no pack yet).
    void sweepStaleRows(getDb()).catch(() => {});
  }, CHORES_DELAY_MS);

  // Only this extension's contexts may message it (no onMessageExternal, no externally_connectable);
  // the origin lets dispatch tell its own pages from content scripts.
  const ownOrigin = `${location.origin}/`;
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender, handlers, browser.runtime.id, { ownOrigin, describeError: describeDbError }));

  // Toolbar badge: a check mark on tabs whose paper (any page form, PDFs included) has a summary.
  watchTabBadges();

  // The content script on the opt-in sites the user switched on (options page, "More sites").
  watchSiteScripts();

  // Address bar: "sl" + space + a query.
  registerOmnibox(omniboxSearch);
});

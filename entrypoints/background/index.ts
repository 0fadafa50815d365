import { browser } from 'wxt/browser';
import { dispatch } from '@/utils/messaging/dispatch';
import { handlers } from './handlers';
import { describeDbError } from '@/utils/db-errors';
import { ensureSeeded } from './corpus-state';
import { watchTabBadges } from './tab-badge';
import { moveLegacyStorage } from './legacy-storage';
import { watchSiteScripts } from './site-scripts';
import { registerOmnibox } from './omnibox';
import { omniboxSearch } from './omnibox-search';

export default defineBackground(() => {
  // Seed on install/update and on every start (a no-op when the corpus version is unchanged).
  browser.runtime.onInstalled.addListener(() => void ensureSeeded().catch(() => {}));
  void ensureSeeded().catch(() => {});
  // Private lists an older release left where content scripts could read them.
  void moveLegacyStorage().catch(() => {});

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

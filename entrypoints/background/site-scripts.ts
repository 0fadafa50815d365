// The content script on the opt-in sites ("More sites"): registered through the scripting API
// for every site whose host permission the user granted, unregistered when it is taken back.
// Registrations persist across browser and worker restarts; each start and each permission
// change re-checks them anyway, so the registered set always equals the granted set.
import { browser } from 'wxt/browser';
import { OPTIONAL_SITES, scriptIdOf, type OptionalSite } from '@/utils/optional-sites';

const CONTENT_SCRIPT = 'content-scripts/content.js';
const OUR_PREFIX = 'summary-lens-site-';

type Scripting = NonNullable<typeof browser.scripting>;
type Registration = Parameters<Scripting['registerContentScripts']>[0][number];

async function grantedSites(): Promise<OptionalSite[]> {
  const granted = await Promise.all(OPTIONAL_SITES.map((s) => browser.permissions.contains({ origins: [...s.origins] })));
  return OPTIONAL_SITES.filter((_, i) => granted[i]);
}

const registration = (site: OptionalSite, persist: boolean): Registration => ({
  id: scriptIdOf(site),
  matches: [...site.matches],
  js: [CONTENT_SCRIPT],
  runAt: 'document_end',
  ...(persist ? { persistAcrossSessions: true } : {}),
});

async function sync(): Promise<void> {
  const scripting: Scripting = browser.scripting;
  const wanted = await grantedSites();
  const wantedIds = new Set(wanted.map(scriptIdOf));
  const registered = new Set((await scripting.getRegisteredContentScripts()).map((s) => s.id));
  const stale = [...registered].filter((id) => id.startsWith(OUR_PREFIX) && !wantedIds.has(id));
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const missing = wanted.filter((s) => !registered.has(scriptIdOf(s)));
  if (missing.length) {
    try {
      await scripting.registerContentScripts(missing.map((s) => registration(s, true)));
    } catch {
      // A browser without persistent registrations: this start registers them, the next start again.
      await scripting.registerContentScripts(missing.map((s) => registration(s, false)));
    }
  }
}

// One sync at a time: a start and a permission event may overlap.
let queue: Promise<void> = Promise.resolve();
export function syncSiteScripts(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => console.error('[Summary Lens] site scripts:', error));
  return queue;
}

/** Keeps registrations equal to the granted sites: now, on each browser start and on each grant or removal. */
export function watchSiteScripts(): void {
  browser.permissions.onAdded.addListener(() => void syncSiteScripts());
  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  browser.runtime.onStartup.addListener(() => void syncSiteScripts());
  // Not deferred like the other start-up chores: Chromium may drop the registrations of an
  // unpacked extension across a browser restart, and the first paper page must find them.
  void syncSiteScripts();
}

// "More sites": the opt-in sites beyond arXiv and OpenReview. Switching one on asks the browser
// for that site's hosts (permissions.request, from the click itself: browsers refuse it outside
// a user gesture); the background then registers the content script there. Switching it off
// gives the hosts back. The browser's permission state is the
// only truth: it is read on open and followed through permissions.onAdded/onRemoved, so a
// permission taken back from the browser's own settings shows here too.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { OPTIONAL_SITES, type OptionalSite } from '@/utils/optional-sites';
import { openreviewVenuesItem } from '@/utils/settings';

type Granted = Record<string, boolean>;

async function readGranted(): Promise<Granted> {
  const entries = await Promise.all(OPTIONAL_SITES.map(async (s) => [s.id, await browser.permissions.contains({ origins: [...s.origins] })] as const));
  return Object.fromEntries(entries);
}

export function MoreSites() {
  const [granted, setGranted] = useState<Granted | null>(null);
  const [venues, setVenues] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => void readGranted().then(setGranted), []);
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    void openreviewVenuesItem.getValue().then(setVenues);
    const unwatch = openreviewVenuesItem.watch((v) => setVenues(Boolean(v)));
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
      unwatch();
    };
  }, [refresh]);

  const toggle = (site: OptionalSite, on: boolean) => {
    setMessage(null);
    // No await before request(): it must run inside the click's user gesture.
    const change = on
      ? browser.permissions.request({ origins: [...site.origins] })
      : browser.permissions.remove({ origins: [...site.origins] });
    change
      .then((ok) => {
        if (on && !ok) setMessage(`${site.label} stays off: the browser’s permission was not given.`);
        else if (on) setMessage(`${site.label} is on. Pages of it already open show the summary once reloaded.`);
      })
      .catch((e: unknown) => setMessage(`Could not change ${site.label}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(refresh);
  };

  return (
    <section id="more-sites" className="sl-options-section" aria-labelledby="sl-more-sites-heading" data-testid="more-sites">
      <h2 id="sl-more-sites-heading">More sites</h2>
      <p className="sl-muted">
        Summary Lens acts on arXiv and OpenReview. Switch on any of these sites and it shows summaries there too; it only reads the
        pages you open and never sends a request to them. Each asks the browser for access to that site alone, and switching it off
        gives the access back.
      </p>
      <ul className="sl-more-sites">
        {OPTIONAL_SITES.map((site) => (
          <li key={site.id}>
            <label className="sl-check">
              <input
                type="checkbox"
                data-testid={`site-${site.id}`}
                disabled={granted === null}
                checked={granted?.[site.id] ?? false}
                onChange={(e) => toggle(site, e.target.checked)}
              />
              <strong>{site.label}</strong> — {site.does}
            </label>
          </li>
        ))}
        <li>
          <label className="sl-check">
            <input
              type="checkbox"
              data-testid="site-openreview-venues"
              checked={venues}
              onChange={(e) => void openreviewVenuesItem.setValue(e.target.checked)}
            />
            <strong>OpenReview venue pages</strong> — a badge on each paper of a venue or group page that has a summary (no new access:
            OpenReview is one of the default sites).
          </label>
        </li>
      </ul>
      {message && (
        <p role="status" className="sl-muted" data-testid="more-sites-message">
          {message}
        </p>
      )}
    </section>
  );
}

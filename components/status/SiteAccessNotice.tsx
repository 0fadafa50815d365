// Firefox (Manifest V3) lets the user withdraw an extension's access to the sites it names, and
// older releases did not grant it at install; Chromium can restrict it per site too. Without it
// no panel or badge appears on arXiv/OpenReview, so extension pages say so and offer to ask again.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The paper sites, as the manifest asks for them. */
const paperSites = (): string[] => browser.runtime.getManifest().host_permissions ?? [];

/** A line and an "Allow" button while access to the paper sites is not granted; nothing otherwise. */
export function SiteAccessNotice() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    const check = () => void browser.permissions.contains({ origins: paperSites() }).then((ok) => alive && setGranted(ok), () => alive && setGranted(null));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      alive = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  if (granted !== false) return null;
  return (
    <p role="alert" className="sl-error sl-site-access" data-testid="site-access-notice">
      Summary Lens may not read arXiv and OpenReview pages, so it shows no summaries there.{' '}
      {/* Called straight from the click: browsers accept a permission request only during a user gesture. */}
      <button type="button" onClick={() => void browser.permissions.request({ origins: paperSites() }).then(setGranted, () => undefined)} data-testid="site-access-allow">
        Allow access to arXiv and OpenReview
      </button>
    </p>
  );
}

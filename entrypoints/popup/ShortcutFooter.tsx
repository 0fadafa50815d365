// The popup's footer: the keyboard shortcut that opens it, as the browser has it now (the user
// may have changed or cleared it), where to change it, and the address-bar keyword.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The shortcut bound to opening this popup; '' when none is set; null until known. */
export function useOpenShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    browser.commands
      .getAll()
      .then((commands) => live && setShortcut(commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut ?? ''))
      .catch(() => live && setShortcut(''));
    return () => {
      live = false;
    };
  }, []);
  return shortcut;
}

/** Opens the browser's page for extension shortcuts, where it can (Chromium; Firefox ≥ 137). */
function shortcutSettings(): (() => void) | null {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return () => void commands.openShortcutSettings!();
  if (import.meta.env.BROWSER !== 'firefox') return () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return null;
}

export function ShortcutFooter() {
  const shortcut = useOpenShortcut();
  const change = shortcutSettings();
  if (shortcut === null) return null;
  return (
    <footer className="sl-popup-footer" data-testid="popup-footer">
      <span>
        {shortcut ? (
          <>
            Open with <kbd data-testid="popup-shortcut">{shortcut}</kbd>
          </>
        ) : (
          'No shortcut set'
        )}
        {change ? (
          <button type="button" className="sl-footer-link" onClick={change}>
            {shortcut ? 'change' : 'set one'}
          </button>
        ) : (
          <span className="sl-muted"> (Add-ons → ⚙ → Manage Extension Shortcuts)</span>
        )}
      </span>
      <span>
        or type <kbd>sl</kbd> and a space in the address bar
      </span>
    </footer>
  );
}

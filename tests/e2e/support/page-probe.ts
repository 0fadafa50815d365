// What a script on a paper page can read, collected as text per channel, to search it for an
// address that identifies the extension's install (`moz-extension://<uuid>`, `chrome-extension://<id>`).
// The probe runs in the page's own JavaScript world (page.evaluate in both drivers); the message
// recorder is installed before any page script, as a tracker on the page would be.

/** Installed before the page's scripts: records every message event the page's window gets. */
export const RECORD_MESSAGES = () => {
  const seen: string[] = [];
  (window as unknown as { __slProbeMessages: string[] }).__slProbeMessages = seen;
  window.addEventListener('message', (e) => {
    let data: string;
    try {
      data = JSON.stringify(e.data);
    } catch {
      data = String(e.data);
    }
    seen.push(`${e.origin} ${data} ${e.source === window ? 'self' : typeof e.source}`);
  }, true);
};

export type ProbeResult = Record<string, string[]>;

/** Everything the page can read, as strings per channel. Runs in the page (must be self-contained). */
export const PAGE_PROBE = async (): Promise<Record<string, string[]>> => {
  const out: Record<string, string[]> = {};
  const add = (channel: string, value: unknown) => {
    let text: string;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      text = String(value);
    }
    (out[channel] ??= []).push(text);
  };
  // Every element, attribute and text, including any open shadow tree (a closed one reads null).
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      add('dom', `<${el.localName} ${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}>`);
      if (el.shadowRoot) {
        add('dom', el.shadowRoot.innerHTML);
        walk(el.shadowRoot);
      }
      const style = getComputedStyle(el);
      add('computed-style', `${style.fontFamily} ${style.backgroundImage} ${style.content} ${style.listStyleImage}`);
    }
  };
  add('dom', document.documentElement.outerHTML);
  walk(document);
  // Style sheets: every rule of every sheet the page can read (cross-origin ones throw), constructed ones too.
  const rules = (sheet: CSSStyleSheet) => {
    add('stylesheets', `${sheet.href} ${(sheet.ownerNode as Element | null)?.outerHTML?.slice(0, 200) ?? ''}`);
    try {
      for (const rule of sheet.cssRules) add('stylesheets', rule.cssText);
    } catch (e) {
      add('stylesheets-unreadable', `${sheet.href}: ${String(e)}`);
    }
  };
  for (const sheet of document.styleSheets) rules(sheet);
  for (const sheet of document.adoptedStyleSheets) rules(sheet);
  // Fonts: every FontFace with every property it has.
  for (const face of document.fonts) {
    const props: Record<string, unknown> = {};
    for (const key in face) props[key] = (face as unknown as Record<string, unknown>)[key];
    add('fonts', props);
  }
  // Performance timeline: resources (fonts, fetches, frames), navigation, marks, everything.
  for (const entry of performance.getEntries()) add('performance', entry.toJSON());
  for (const type of PerformanceObserver.supportedEntryTypes) {
    await new Promise<void>((resolve) => {
      try {
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) add('performance-observer', entry.toJSON());
        });
        observer.observe({ type, buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve();
        }, 20);
      } catch {
        resolve();
      }
    });
  }
  // Frames: how many, and whatever each lets the page read of it.
  add('frames', `length=${window.length}`);
  for (let i = 0; i < window.length; i++) {
    const frame = window[i] as Window;
    for (const read of [() => frame.location.href, () => frame.origin, () => frame.name, () => frame.document.URL, () => frame.length]) {
      try {
        add('frames', String(read()));
      } catch (e) {
        add('frames-refused', String(e));
      }
    }
  }
  add('focus', document.activeElement?.outerHTML ?? '');
  add('messages', (window as unknown as { __slProbeMessages?: string[] }).__slProbeMessages ?? []);
  add('document', `${document.URL} ${document.referrer} ${document.cookie} ${document.title}`);
  try {
    add('storage', JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  } catch {
    // storage may be refused
  }
  return out;
};

/** The channels where any needle occurs, each with the first hit (a short excerpt around it). */
export function findNeedles(result: ProbeResult, needles: string[]): Record<string, string> {
  const hits: Record<string, string> = {};
  for (const [channel, texts] of Object.entries(result)) {
    for (const text of texts) {
      const lower = text.toLowerCase();
      const needle = needles.find((n) => lower.includes(n.toLowerCase()));
      if (needle) {
        const at = lower.indexOf(needle.toLowerCase());
        hits[channel] = text.slice(Math.max(0, at - 60), at + needle.length + 60);
        break;
      }
    }
  }
  return hits;
}

/** Needles for an install: the address scheme forms and the bare id/UUID. */
export const installNeedles = (id: string) => ['moz-extension://', 'chrome-extension://', id];

/**
 * The control: plants the id in each channel a leak could take (a DOM attribute, a style rule
 * with an @font-face at an extension address, a FontFace family, a resource timing entry, a
 * message), so the probe must find it everywhere. Runs in the page.
 */
export const PLANT_LEAKS = async (id: string): Promise<void> => {
  const div = document.createElement('div');
  div.setAttribute('data-leak', `moz-extension://${id}/x`);
  document.body.append(div);
  const style = document.createElement('style');
  style.textContent = `@font-face { font-family: Leak; src: url("chrome-extension://${id}/font.woff2"); }`;
  document.head.append(style);
  document.fonts.add(new FontFace(`Leak ${id}`, new Uint8Array([0]).buffer));
  await fetch(`/leak-${id}`).catch(() => undefined);
  window.postMessage(`leak ${id}`, '*');
  await new Promise((r) => setTimeout(r, 50));
};

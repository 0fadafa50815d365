// Renders summary HTML: sanitized again at render time (packs can be imported), parsed in an inert
// document (nothing loads, nothing runs), and images held back until the user asks.
import { useLayoutEffect, useRef } from 'react';
import { sanitizeHtml } from '@/utils/render/sanitize';

export interface SafeHtmlProps {
  html: string;
  /** Load images without a click (the `autoLoadImages` setting). */
  autoLoadImages: boolean;
  className?: string;
  /** A scrolling box must be reachable by keyboard: it becomes a focusable, labelled region. */
  scrollRegionLabel?: string;
}

export function SafeHtml({ html, autoLoadImages, className, scrollRegionLabel }: SafeHtmlProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(...renderSafeHtml(el.ownerDocument, html, autoLoadImages));
  }, [html, autoLoadImages]);
  return scrollRegionLabel ? (
    <div ref={ref} className={className} tabIndex={0} role="region" aria-label={scrollRegionLabel} />
  ) : (
    <div ref={ref} className={className} />
  );
}

/** Sanitized nodes for `html`, adopted into `doc`, with images turned into load-on-click placeholders. */
export function renderSafeHtml(doc: Document, html: string, autoLoadImages: boolean): Node[] {
  // DOMParser gives an inert document: images there do not load and handlers do not run.
  const inert = new DOMParser().parseFromString(`<body>${sanitizeHtml(html)}</body>`, 'text/html');
  holdImages(inert.body, autoLoadImages);
  return [...inert.body.childNodes].map((node) => doc.adoptNode(node));
}

/**
 * The sanitizer moved every remote image address to `data-src`. Each such image gets a
 * "Load image from <host>" button that sets `src` on click, unless auto-load is on.
 */
export function holdImages(root: Element, autoLoad: boolean): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-src]')) {
    const address = img.getAttribute('data-src') ?? '';
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      img.remove();
      continue;
    }
    if (!/^https?:$/.test(url.protocol)) {
      img.remove();
      continue;
    }
    img.removeAttribute('data-src');
    img.setAttribute('referrerpolicy', 'no-referrer');
    if (autoLoad) {
      img.setAttribute('loading', 'lazy');
      img.src = url.href;
      continue;
    }
    const doc = root.ownerDocument;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sl-img-load';
    button.textContent = `Load image from ${url.hostname}`;
    const alt = img.getAttribute('alt')?.trim();
    button.title = alt ? `${alt} — ${url.href}` : url.href;
    // The image leaves the tree until asked for, then takes the button's place.
    button.addEventListener('click', () => {
      const hadFocus = button.matches(':focus');
      img.src = url.href;
      button.replaceWith(img);
      // Keyboard users keep their place: focus moves to the image that replaced the button.
      if (hadFocus) {
        img.tabIndex = -1;
        img.focus();
      }
    });
    img.replaceWith(button);
  }
}

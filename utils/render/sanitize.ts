// The one sanitizer every piece of HTML passes through before it reaches the DOM: summaries,
// concepts, notes, imported packs. Used at build time (with jsdom) and again at render time.
import DOMPurify, { type Config } from 'dompurify';

export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true, mathMl: true },
  // KaTeX output needs style attributes for layout; DOMPurify strips dangerous CSS constructs
  // from them only partially, so url() and expression() are removed by the hook below.
  ADD_ATTR: ['aria-hidden', 'data-src', 'target', 'rel', 'encoding'],
  // KaTeX's MathML keeps the LaTeX source in <semantics><annotation encoding="application/x-tex">,
  // which screen readers and copy use. <annotation> holds text only (the hooks below drop any
  // element inside it and any other encoding); <annotation-xml>, an HTML integration point,
  // stays forbidden.
  ADD_TAGS: ['semantics', 'annotation'],
  // Not an address: without this DOMPurify would test its value against ALLOWED_URI_REGEXP.
  ADD_URI_SAFE_ATTR: ['encoding'],
  // Media elements load their src/poster/srcset on their own (a third-party request without a
  // click): summaries need none, so they go, as <source> inside <picture> does.
  FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select', 'button', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'video', 'audio', 'source', 'track', 'picture'],
  // srcset/background/poster would load an image without a click; ping reports clicks to a third party.
  FORBID_ATTR: ['srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'ping'],
  ALLOWED_URI_REGEXP: /^(?:https?:|#|\/(?!\/))/i,
};

type Purifier = ReturnType<typeof DOMPurify>;
const hooked = new WeakSet<Purifier>();

const TEX_ENCODING = 'application/x-tex';

function addHooks(purify: Purifier): void {
  if (hooked.has(purify)) return;
  hooked.add(purify);
  purify.addHook('uponSanitizeElement', (node, data) => {
    // Only a text-only TeX annotation inside <semantics> is kept; anything else goes with its content.
    if (data.tagName !== 'annotation') return;
    const el = node as Element;
    if (el.parentElement?.localName !== 'semantics' || el.getAttribute('encoding') !== TEX_ENCODING || el.children.length > 0) el.remove();
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'encoding' && ((node as Element).localName !== 'annotation' || data.attrValue !== TEX_ENCODING)) data.keepAttr = false;
    // Anything that can fetch: url(), image-set()/image()/src()/cross-fade(), and CSS escapes
    // (`\75rl(` is url( to the CSS parser). KaTeX's own styles use none of these.
    if (data.attrName === 'style' && /url\s*\(|image-set|image\s*\(|src\s*\(|cross-fade|element\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding|javascript:|\\/i.test(data.attrValue)) {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    // Images never load a third party on their own: the real address moves to data-src and
    // loads only when the user asks (components/SafeHtml handles the click).
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src');
      if (src && /^https?:/i.test(src)) {
        el.setAttribute('data-src', src);
        el.removeAttribute('src');
      }
    }
    if (el.tagName === 'A' && el.getAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

/** Sanitizes HTML with a given DOMPurify instance (the window's in the browser, jsdom's at build). */
export function sanitizeWith(purify: Purifier, html: string): string {
  addHooks(purify);
  return purify.sanitize(html, SANITIZE_CONFIG) as unknown as string;
}

export function sanitizeHtml(html: string): string {
  return sanitizeWith(DOMPurify, html);
}

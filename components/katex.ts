// KaTeX's stylesheet and fonts, with the families renamed (SL-KaTeX_*) so a page's own KaTeX and
// ours never mix. The build copies KaTeX's woff2 files into the extension (wxt.config.ts:
// katex-fonts/).
//
// Extension pages (popup, side panel, concept page) get KaTeX's @font-face rules pointed at those
// copies: no web page can read an extension page.
//
// The in-page panel and listing summaries live in closed shadow roots on arXiv/OpenReview pages.
// Chromium ignores @font-face inside shadow roots, and an @font-face in the page would write the
// extension's address (Firefox: `moz-extension://<per-install UUID>/`) where every script on the
// page reads it. So their stylesheet has no @font-face rules; instead the content script fetches
// the font files the math actually uses (a content script's fetch shows in no page's resource
// timing) and adds them to the document as FontFace objects made from the bytes: the page sees
// the family names in document.fonts, never an address.
import katexCss from 'katex/dist/katex.min.css?raw';
import { extensionUrl } from '@/utils/extension-url';

/** Where the build copies KaTeX's woff2 files inside the extension. */
export const KATEX_FONT_DIR = 'katex-fonts';

const FACE_RULE = /@font-face\{[^}]*\}/g;
const rename = (css: string) => css.replace(/(?<![\w/-])KaTeX_/g, 'SL-KaTeX_');

/** `fontBase`: absolute URL of KATEX_FONT_DIR with a trailing slash, e.g. extensionUrl('/katex-fonts/'). */
export function katexCssFor(fontBase: string, css: string = katexCss): string {
  return rename(
    // Every face: woff2 only (all supported browsers read it), from the extension.
    css.replace(/src:\s*url\(["']?fonts\/(KaTeX_[\w-]+)\.woff2["']?\)[^;}]*/g, (_m, name: string) => `src:url(${JSON.stringify(`${fontBase}${name}.woff2`)}) format("woff2")`),
  );
}

/** KaTeX's rules for a shadow root on a web page: no @font-face (see addKatexFontsUsedIn). */
export function katexShadowCss(css: string = katexCss): string {
  return rename(css.replace(FACE_RULE, ''));
}

/** True when summary HTML contains KaTeX output (most summaries have none: skip the CSS then). */
export const hasMath = (html: string): boolean => html.includes('class="katex');

export interface KatexFace {
  /** Renamed family, e.g. SL-KaTeX_Main */
  family: string;
  style: string;
  weight: string;
  /** woff2 file name in KATEX_FONT_DIR */
  file: string;
}

/** The faces KaTeX's stylesheet declares, read from its @font-face rules. */
export function katexFaces(css: string = katexCss): KatexFace[] {
  return (css.match(FACE_RULE) ?? []).flatMap((rule) => {
    const get = (name: string) => new RegExp(`${name}:([^;}]+)`).exec(rule)?.[1].trim();
    const family = get('font-family');
    const file = /url\(["']?fonts\/(KaTeX_[\w-]+\.woff2)/.exec(rule)?.[1];
    return family && file ? [{ family: rename(family), style: get('font-style') ?? 'normal', weight: get('font-weight') ?? '400', file }] : [];
  });
}

const FACES = katexFaces();
const faceKey = (family: string, style: string, weight: string) => `${family}|${style}|${weight}`;
const FACE_BY_KEY = new Map(FACES.map((f) => [faceKey(f.family, f.style, f.weight), f]));
/** Faces added to (or being added to) this document, by file. */
const added = new Map<string, Promise<void>>();

/**
 * Adds to `document.fonts` the KaTeX faces the math under `root` renders with (per element:
 * the first family of its computed font, its style and weight), each once per page, from bytes
 * the content script fetched itself. Resolves when they are loaded.
 */
export function addKatexFontsUsedIn(root: ParentNode): Promise<void> {
  if (!root.querySelector('.katex-html')) return Promise.resolve();
  const wanted = new Set<KatexFace>();
  for (const el of root.querySelectorAll('.katex-html, .katex-html *')) {
    const style = getComputedStyle(el);
    const family = style.fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '');
    if (!family.startsWith('SL-KaTeX_')) continue;
    const weight = Number(style.fontWeight) >= 600 ? '700' : '400';
    const face = FACE_BY_KEY.get(faceKey(family, style.fontStyle, weight)) ?? FACE_BY_KEY.get(faceKey(family, 'normal', '400'));
    if (face) wanted.add(face);
  }
  return Promise.all(
    [...wanted].map((face) => {
      let loading = added.get(face.file);
      if (!loading) {
        // On failure the math keeps its fallback serif; a later render may try again.
        loading = addFace(face).catch(() => void added.delete(face.file));
        added.set(face.file, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

async function addFace(face: KatexFace): Promise<void> {
  const bytes = await (await fetch(extensionUrl(`/${KATEX_FONT_DIR}/${face.file}`))).arrayBuffer();
  const font = new FontFace(face.family, bytes, { style: face.style, weight: face.weight });
  document.fonts.add(font);
  await font.load();
}

/**
 * Keeps the fonts coming for a shadow root whose content changes (a summary shown after
 * "Looking up…", a collapsed panel opened), until `signal` aborts.
 */
export function watchKatexFonts(root: ShadowRoot, signal: AbortSignal): void {
  if (watched.has(root)) return;
  watched.add(root);
  signal.addEventListener('abort', () => watched.delete(root), { once: true });
  const observer = new MutationObserver(() => void addKatexFontsUsedIn(root));
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  void addKatexFontsUsedIn(root);
}

const watched = new WeakSet<ShadowRoot>();

/** KaTeX's rules with their fonts at this extension's copies (extension pages only). */
export const extensionKatexCss = (): string => katexCssFor(extensionUrl(`/${KATEX_FONT_DIR}/`));

/** Adds KaTeX's stylesheet to an extension page once (the popup, side panel and concept page). */
export function ensureKatexStyle(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = extensionKatexCss();
  doc.head.append(style);
}
const STYLE_ID = 'sl-katex-style';

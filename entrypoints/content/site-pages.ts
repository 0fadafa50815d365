// Shared by the opt-in sites' features: where the panel goes on a page built around a title
// heading and an abstract, and the theme of sites that switch to dark with a class on <html>.
import type { PageThemeReader } from '@/utils/theme';
import type { PanelPlacement } from './mount-panel';

/** Tailwind-style dark mode (Hugging Face, alphaXiv): `<html class="dark">`. */
export const readHtmlDarkClass: PageThemeReader = () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');

/** The first heading among `selector` whose text is `text` (e.g. the "Abstract" heading). */
export function headingNamed(doc: Document, selector: string, text: RegExp): Element | null {
  return [...doc.querySelectorAll(selector)].find((h) => text.test((h.textContent ?? '').trim())) ?? null;
}

/** The panel right before `before` when the page has it, else right after `after`; null while neither is there. */
export function placeBeforeOrAfter(before: Element | null, after: Element | null, readPageTheme?: PageThemeReader): PanelPlacement | null {
  if (before) return { anchor: before, append: 'before', layout: 'wide', readPageTheme };
  if (after) return { anchor: after, append: 'after', layout: 'wide', readPageTheme };
  return null;
}

// The address-bar keyword: type "sl", a space and a query; suggestions come from the same search
// as the popup's, and Enter opens the paper's page (arXiv, else OpenReview) or, for a course-notes
// section, the extension's concept page. The search is passed in (`OmniboxSearch`), so this file
// does not care where the index lives. Listeners are the omnibox's own: the background wakes only
// when the user types the keyword.
import { browser } from 'wxt/browser';
import type { SearchDocMeta } from '@/utils/search/build-index';
import { conceptPageUrl } from './related-handlers';

/** Finds the documents a query names, best first. */
export type OmniboxSearch = (query: string, limit: number) => Promise<SearchDocMeta[]>;

/** Chromium shows at most this many suggestions (Firefox six); more would only cost time. */
const SUGGESTIONS = 6;

/** Where Enter on a document goes; null when it has nowhere to open (a summary with no paper id). */
export function omniboxTarget(doc: Pick<SearchDocMeta, 'kind' | 'id' | 'arxivId' | 'openreviewId'>): string | null {
  if (doc.kind === 'concept') return conceptPageUrl(doc.id.replace(/^c:/, ''));
  if (doc.arxivId) return `https://arxiv.org/abs/${doc.arxivId}`;
  if (doc.openreviewId) return `https://openreview.net/forum?id=${encodeURIComponent(doc.openreviewId)}`;
  return null;
}

/** Chromium reads suggestion descriptions as XML ("<match>", "<dim>"): text must be escaped. Firefox shows them as text. */
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function describe(doc: SearchDocMeta, markup: boolean): string {
  const detail = doc.kind === 'concept' ? `Course notes · ${doc.module ?? ''}` : [doc.authors.slice(0, 2).join(', ') + (doc.authors.length > 2 ? ' et al.' : ''), doc.year].filter(Boolean).join(' · ');
  if (!markup) return detail ? `${doc.title} — ${detail}` : doc.title;
  return `<match>${escapeXml(doc.title)}</match>${detail ? ` <dim>${escapeXml(detail)}</dim>` : ''}`;
}

/** Suggestions for `text`: content is the address Enter opens (unique per document). */
export async function omniboxSuggestions(search: OmniboxSearch, text: string, markup: boolean): Promise<{ content: string; description: string }[]> {
  const query = text.trim();
  if (!query) return [];
  const docs = await search(query, SUGGESTIONS * 2);
  const out: { content: string; description: string }[] = [];
  for (const doc of docs) {
    const target = omniboxTarget(doc);
    if (!target || out.some((s) => s.content === target)) continue;
    out.push({ content: target, description: describe(doc, markup) });
    if (out.length === SUGGESTIONS) break;
  }
  return out;
}

/** The address to open for what the user entered: a suggestion's address, or the best match for typed text. */
export async function omniboxDestination(search: OmniboxSearch, text: string): Promise<string | null> {
  const entered = text.trim();
  if (isOwnTarget(entered)) return entered;
  return (await omniboxSuggestions(search, entered, false))[0]?.content ?? null;
}

/** Addresses a suggestion can carry: paper pages and this extension's concept page, nothing else. */
function isOwnTarget(text: string): boolean {
  return /^https:\/\/arxiv\.org\/abs\/[\w./-]+$/.test(text) || /^https:\/\/openreview\.net\/forum\?id=[\w%-]+$/.test(text) || text.startsWith(conceptPageUrl(''));
}

export function registerOmnibox(search: OmniboxSearch, markup = import.meta.env.BROWSER !== 'firefox'): void {
  if (!browser.omnibox) return;
  browser.omnibox.setDefaultSuggestion({ description: 'Search Summary Lens: summaries, papers and course notes' });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void omniboxSuggestions(search, text, markup).then(suggest, () => suggest([]));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void omniboxDestination(search, text).then(async (url) => {
      if (!url) return;
      if (disposition === 'currentTab') {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id !== undefined) return void (await browser.tabs.update(tab.id, { url }));
      }
      await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
    });
  });
}

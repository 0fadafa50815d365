// arXiv HTML full text (/html/<id>, LaTeXML) and ar5iv: the panel at the top of the article,
// under the title and authors, in the text flow so it never covers the paper.
import { isArxivHtml, paperRefFromDocument } from '@/utils/detect';
import type { Theme } from '@/utils/theme';
import { waitFor } from '../dom';
import { mountPanel, type PanelPlacement } from '../mount-panel';
import type { Feature } from '../runner';

export function htmlPlacement(doc: Document): PanelPlacement | null {
  const article = doc.querySelector('article.ltx_document');
  const authors = article?.querySelector(':scope > .ltx_authors');
  const abstract = article?.querySelector(':scope > .ltx_abstract');
  const title = article?.querySelector(':scope > .ltx_title_document');
  const base = { layout: 'wide', readPageTheme: readArxivHtmlTheme } as const;
  if (authors) return { ...base, anchor: authors, append: 'after' };
  if (abstract) return { ...base, anchor: abstract, append: 'before' };
  if (title) return { ...base, anchor: title, append: 'after' };
  if (article) return { ...base, anchor: article, append: 'first' };
  return null;
}

/** arXiv's HTML papers have their own light/dark toggle, stored as <html data-theme>. */
export const readArxivHtmlTheme = (): Theme | null => {
  const theme = document.documentElement.getAttribute('data-theme');
  return theme === 'dark' || theme === 'light' ? theme : null;
};

const feature: Feature = {
  name: 'arxiv-html',
  include: [isArxivHtml],
  async init(signal) {
    const ref = paperRefFromDocument(document, location);
    // Long papers may still be parsing when the content script starts.
    const placement = await waitFor(() => htmlPlacement(document), signal, 3000);
    if (!ref || !placement || signal.aborted) return;
    await mountPanel(signal, ref, placement);
  },
};

export default feature;

/* Test URLs
https://ar5iv.labs.arxiv.org/html/1701.05369 (Variational Dropout: summary with math)
https://ar5iv.labs.arxiv.org/html/1911.05507 (Compressive Transformers: images)
https://ar5iv.org/abs/1911.05507 (via: redirects to /html/)
https://arxiv.org/html/2401.00907 (a 2024 paper: no summary; try the page's dark-mode toggle)
*/

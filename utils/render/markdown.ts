// Markdown + KaTeX to HTML. Runs at corpus build time and in extension pages (notes preview),
// never in the content script bundle; its output always goes through the sanitizer.
import MarkdownIt from 'markdown-it';
import { katex } from '@mdit/plugin-katex';

const md = MarkdownIt({ html: false, linkify: true, typographer: false }).use(katex, {
  // Untrusted input: no \href, \url, \htmlClass and friends.
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  output: 'htmlAndMathml',
  logger: () => undefined,
} as never);

// Bare image addresses in summaries (imgur figures) become images, shown on request.
const IMAGE_URL = /(^|\s)(https?:\/\/\S+\.(?:png|jpe?g|gif|webp))(?=\s|$)/gi;

export function markdownToHtml(markdown: string): string {
  return md.render(markdown.replace(IMAGE_URL, (_m, pre: string, url: string) => `${pre}![figure](${url})`));
}

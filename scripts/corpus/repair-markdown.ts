// Markdown repairs for text whose line breaks were lost in a scrape (every ShortScience summary
// arrives as one line). markdown-it reads headings, display math and link definitions only at
// the start of a line, so each is moved back onto a line of its own. Code fences and math are
// left as they are.

/** Splits markdown into fenced code blocks (kept verbatim) and the text between them. */
function mapOutsideFences(markdown: string, repair: (text: string) => string): string {
  return markdown
    .split(/(^```[^\n]*\n[\s\S]*?^```[ \t]*$)/m)
    .map((part, i) => (i % 2 === 1 ? part : repair(part)))
    .join('');
}

/** Applies `repair` to the prose between `$…$`/`$$…$$` spans, never to the formulas. */
function mapOutsideMath(text: string, repair: (prose: string) => string): string {
  return text
    .split(/((?<!\\)\$\$[\s\S]+?(?<!\\)\$\$|(?<![\\$])\$(?!\$)[^$\n]+?(?<!\\)\$)/)
    .map((part, i) => (i % 2 === 1 ? part : repair(part)))
    .join('');
}

/** `$$…$$` inside a sentence becomes a display block: the KaTeX plugin reads `$$` only on lines of its own. */
export function displayMathToBlocks(text: string): string {
  return text
    .replace(/(?<!\\)\$\$([^$]+)\$\$/g, (_whole, inner: string) => `\n\n$$\n${inner.trim()}\n$$\n\n`)
    .replace(/[ \t]*\n\n[ \t]*/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

const HEADING_MARK = /^#{1,6}$/;
const LIST_MARK = /^([-*+]|\d{1,2}\.)$/;
/** A capitalised word followed by a lower-case word or an acronym opens the sentence after a heading. */
const SENTENCE_OPENER = /^[A-Z][a-z'’]*$/;
const FOLLOWS_OPENER = /^([a-z]|[A-Z][A-Z0-9-]+[,.;:]?$)/;
const MAX_HEADING_WORDS = 12;

/**
 * "…the same guarantees. # RQMC applied to VI Authors estimate the ELBO…": the heading marker
 * sits mid-paragraph and the heading's own end is lost. A heading starts at a `#` run that opens
 * the text or follows the end of a sentence; it ends before the next heading or list marker, or
 * before the first word that opens a sentence. A heading with no such end in reach stays text.
 */
export function restoreHeadings(block: string): string {
  if (!/(^|\s)#{1,6} /.test(block)) return block;
  const words = block.split(/ +/);
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    const prev = out.length ? out[out.length - 1] : '';
    const startsBlock = out.length === 0 || prev.endsWith('\n') || /[.!?:)\]*`'"”]$/.test(prev);
    if (HEADING_MARK.test(word) && startsBlock && /^[A-Z0-9]/.test(words[i + 1] ?? '')) {
      let end = i + 2;
      while (end < words.length && end - i <= MAX_HEADING_WORDS) {
        const w = words[end];
        if (HEADING_MARK.test(w) || LIST_MARK.test(w)) break;
        if (SENTENCE_OPENER.test(w) && FOLLOWS_OPENER.test(words[end + 1] ?? '')) break;
        end += 1;
      }
      if (end - i <= MAX_HEADING_WORDS && end < words.length) {
        out.push(`\n\n${words.slice(i, end).join(' ')}\n\n`);
        i = end;
        continue;
      }
    }
    out.push(word);
    i += 1;
  }
  return out.join(' ').replace(/ *\n\n */g, '\n\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * A restored heading can open a bullet list whose breaks were lost as well
 * ("## Motivations * Preferences … in practice. * There is no …"): in a block that starts with a
 * bullet, each repeat of that bullet after the end of a sentence starts a new item.
 */
export function restoreListItems(block: string): string {
  const marker = /^([-*]) \S/.exec(block)?.[1];
  if (!marker) return block;
  const items = block.slice(2).split(new RegExp(`(?<=[.!?)*])\\s+\\${marker} (?=[A-Z*\`$\\[(])`));
  return items.map((item) => `${marker} ${item.trim()}`).join('\n');
}

/**
 * "…for interesting discussion. [1]: https://drive.google.com/…" — a reference-link definition
 * glued to the paragraph before it defines nothing. When the label is used as a reference
 * elsewhere in the text, the definition moves to a line of its own.
 */
export function restoreLinkDefinitions(markdown: string): string {
  return markdown.replace(/[ \t]+\[([^\]\n]+)\]:[ \t]+(\S+)(?=[ \t]*(?:\n|$))/g, (whole, label: string, url: string) => {
    const used = new RegExp(`\\]\\[${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`, 'i').test(markdown);
    return used ? `\n\n[${label}]: ${url}` : whole;
  });
}

const IMAGE_EXT = '(?:png|jpe?g|gif|webp)';
/**
 * "serve thhttps://i.imgur.com/ks86OgJ.pnge purpose": the scrape pasted a figure's address into
 * the middle of a word. The word is put back together and the address follows it, as a word of
 * its own; an address glued only to the word before it is split off.
 */
export function unglueUrls(text: string): string {
  return text
    .replace(new RegExp(`([A-Za-z]+)(https?://[^\\s)\\]]+?\\.${IMAGE_EXT})([a-z]+)\\b`, 'g'), (_m, pre: string, url: string, post: string) => `${pre}${post} ${url}`)
    .replace(/([A-Za-z])(https?:\/\/)/g, '$1 $2');
}

/** A thematic break between two sentences ("…training process. --- Thanks to…") goes on a line of its own. */
export function restoreRules(block: string): string {
  return block.replace(/(?<=[.!?)]) +-{3,} +(?=[A-Z])/g, '\n\n---\n\n');
}

/** Every repair above, in the order they depend on each other. */
export function repairFlattenedMarkdown(markdown: string): string {
  const repaired = mapOutsideFences(markdown, (text) => {
    const withMath = displayMathToBlocks(mapOutsideMath(text, unglueUrls));
    return withMath
      .split('\n\n')
      .map((block) => (block.startsWith('$$') ? block : restoreRules(restoreHeadings(block))))
      .join('\n\n')
      .split('\n\n')
      .map((block) => (block.startsWith('$$') ? block : restoreListItems(block)))
      .join('\n\n');
  });
  return restoreLinkDefinitions(repaired).replace(/\n{3,}/g, '\n\n').trim();
}

// The opening of a rendered summary: whole blocks, then whole sentences, up to a length. The cut
// is made on the sanitized HTML's DOM, only between top-level blocks or inside a paragraph's own
// text, so no tag, formula, link or emphasis is ever split.
import { sanitizeHtml } from './sanitize';

export interface Preview {
  /** Sanitized HTML of the opening. */
  html: string;
  /** True when the opening is the whole summary (nothing was left out). */
  complete: boolean;
}

/** "e.g. Smith", "et al. (2017)", "Fig. 3": a full stop that does not end a sentence. */
const ABBREVIATION = /\b(?:al|e\.g|i\.e|vs|cf|Fig|Figs|Eq|Eqs|Sec|No|approx|resp|Dr|Mr|Ms|St)\.$/i;
/** A sentence end: punctuation, closing quotes/brackets, then space before a capital, digit, quote or bracket, or the end. */
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s+["'“‘([$A-Z0-9]|\s*$)/g;

/** Text a reader sees: KaTeX's MathML copy of each formula does not count twice. */
function visibleLength(node: Node): number {
  if (node.nodeType === 3) return node.textContent!.replace(/\s+/g, ' ').length;
  if (node.nodeType !== 1 || (node as Element).classList.contains('katex-mathml')) return 0;
  let n = 0;
  for (const child of node.childNodes) n += visibleLength(child);
  return n;
}

/**
 * Shortens a paragraph to its sentences that end within `budget` visible characters (with
 * `atLeastOne`, its first sentence when none does). Returns false when it found nothing to keep.
 */
function cutParagraph(p: Element, budget: number, atLeastOne: boolean): boolean {
  const ends: { node: Text; end: number; at: number }[] = [];
  let used = 0;
  for (const child of p.childNodes) {
    if (child.nodeType === 3) {
      const text = child as Text;
      for (const m of text.data.matchAll(SENTENCE_END)) {
        if (ABBREVIATION.test(text.data.slice(0, m.index + 1))) continue;
        const end = m.index + m[0].length;
        ends.push({ node: text, end, at: used + text.data.slice(0, end).replace(/\s+/g, ' ').length });
      }
    }
    used += visibleLength(child);
  }
  const pick = ends.filter((e) => e.at <= budget).pop() ?? (atLeastOne ? ends[0] : undefined);
  if (!pick) return false;
  pick.node.data = pick.node.data.slice(0, pick.end);
  while (pick.node.nextSibling) pick.node.nextSibling.remove();
  return true;
}

/** The first blocks of `html` that fit in about `maxChars` visible characters, the last one cut at a sentence end. */
export function previewHtml(html: string, maxChars: number): Preview {
  const body = new DOMParser().parseFromString(`<body>${sanitizeHtml(html)}</body>`, 'text/html').body;
  const blocks = [...body.childNodes].filter((n) => n.nodeType === 1 || n.textContent!.trim());
  let used = 0;
  let kept = 0;
  let complete = true;
  for (const block of blocks) {
    const length = visibleLength(block);
    if (used + length <= maxChars) {
      used += length;
      kept += 1;
      continue;
    }
    complete = false;
    // The block that overflows: a paragraph is cut at a sentence end if enough room is left
    // (the first block always is, so a preview is never empty); other blocks wait for the full view.
    const room = maxChars - used;
    if (block.nodeType === 1 && (block as Element).localName === 'p' && (kept === 0 || room >= maxChars / 3) && cutParagraph(block as Element, room, kept === 0)) kept += 1;
    else if (kept === 0) kept += 1; // nothing to cut at: the first block whole
    break;
  }
  const keep = blocks.slice(0, kept);
  // A heading or a label ("…as follows:") must not end the preview: what it introduces is left out.
  while (!complete && keep.length > 1) {
    const last = keep[keep.length - 1] as Element;
    if (/^h[1-6]$/.test(last.localName ?? '') || /:\s*$/.test(last.textContent ?? '')) keep.pop();
    else break;
  }
  // Everything after the last kept block goes; the line breaks between kept blocks stay.
  const nodes = [...body.childNodes];
  const last = nodes.indexOf(keep[keep.length - 1]);
  nodes.forEach((node, i) => {
    if (i > last || (!keep.includes(node) && node.textContent!.trim())) node.remove();
  });
  return { html: body.innerHTML, complete };
}

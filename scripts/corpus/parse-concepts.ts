// Splits the CS7643 course notes into titled sections (the background-concepts corpus).
// The scrape lost heading markup, so a heading is a short line without closing punctuation
// followed by prose. (First version; refined with the related-papers work.)
import { createHash } from 'node:crypto';

export interface ConceptSection {
  id: string;
  module: string;
  title: string;
  markdown: string;
}

export function parseConcepts(text: string): ConceptSection[] {
  const lines = text.split('\n');
  const sections: ConceptSection[] = [];
  let title = 'Course overview';
  let body: string[] = [];
  const flush = () => {
    const markdown = body.join('\n').trim();
    if (markdown.length > 200) {
      sections.push({ id: 'c' + createHash('sha256').update(title + markdown.slice(0, 200)).digest('hex').slice(0, 10), module: 'CS7643 (Georgia Tech, Spring 2022)', title, markdown });
    }
    body = [];
  };
  for (const line of lines) {
    const t = line.trim();
    const isHeading = t.length > 2 && t.length < 50 && !/[.,:;?!=$\\{}()<>]/.test(t) && /^[A-Z]/.test(t) && t.split(/\s+/).length <= 6;
    if (isHeading && body.join('').length > 400) {
      flush();
      title = t;
    } else body.push(line);
  }
  flush();
  return sections;
}

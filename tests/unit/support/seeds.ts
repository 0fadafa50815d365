// The corpus sources as the build reads them (data/), parsed once per test file.
import { readFileSync, readdirSync } from 'node:fs';
import { parseSeedFiles } from '../../../scripts/corpus/parse-summaries';
import { parseConcepts } from '../../../scripts/corpus/parse-concepts';
import { loadPapers } from '../../../scripts/corpus/papers';
import { loadCitedPapers } from '../../../scripts/corpus/relations';

export const root = new URL('../../../', import.meta.url).pathname;

export function loadSources() {
  const files = readdirSync(`${root}data/seeds`)
    .sort()
    .map((name) => ({ name, text: readFileSync(`${root}data/seeds/${name}`, 'utf8') }));
  const { summaries } = parseSeedFiles(files);
  const concepts = parseConcepts(files.find((f) => f.name.startsWith('004_'))!.text);
  return { files, summaries, concepts, papers: loadPapers(`${root}data/papers.json`), cited: loadCitedPapers(`${root}data/cited-papers.json`) };
}

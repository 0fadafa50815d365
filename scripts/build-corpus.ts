// Build step: seeds in data/ -> public/corpus/pack.json (the pack the extension ships).
// Run by `npm run build` before WXT; prints counts and fails loudly when a source yields nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import DOMPurify from 'dompurify';
import { parseSeedFiles } from './corpus/parse-summaries';
import { parseConcepts } from './corpus/parse-concepts';
import { loadPapers, unidentified } from './corpus/papers';
import { computeRelations, loadCitedPapers } from './corpus/relations';
import { markdownToHtml } from '../utils/render/markdown';
import { sanitizeWith } from '../utils/render/sanitize';
import { BUILTIN_PACK_ID, PACK_FORMAT, PACK_SCHEMA_VERSION, PackSchema, type Pack } from '../utils/corpus/pack';
import { buildSearchArtifacts } from '../utils/search/build-index';

const root = new URL('..', import.meta.url).pathname;
const seedDir = `${root}data/seeds`;
const outDir = `${root}public/corpus`;

const purify = DOMPurify(new JSDOM('').window as never);
const render = (markdown: string) => sanitizeWith(purify, markdownToHtml(markdown));

const files = readdirSync(seedDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${seedDir}/${name}`, 'utf8') }));

const { summaries, perFile } = parseSeedFiles(files);
const conceptFile = files.find((f) => f.name.startsWith('004_'));
if (!conceptFile) throw new Error('No course-notes seed (004_*.txt) in data/seeds.');
const concepts = parseConcepts(conceptFile.text).map((c) => ({ ...c, html: render(c.markdown) }));
if (concepts.length === 0) throw new Error('The course notes yielded no concept sections.');

const papers = loadPapers(`${root}data/papers.json`);
const relationsStart = performance.now();
const relations = computeRelations(summaries, concepts, papers, loadCitedPapers(`${root}data/cited-papers.json`));
const relationsMs = performance.now() - relationsStart;

const packSummaries = summaries.map((s) => ({
  id: s.id,
  markdown: s.markdown,
  html: render(s.markdown),
  truncated: s.truncated,
  sources: s.sources,
  paper: papers.get(s.id) ?? unidentified('Not yet identified: no entry in data/papers.json.'),
  related: relations.related.get(s.id) ?? [],
  concepts: relations.concepts.get(s.id) ?? [],
}));

const body = { summaries: packSummaries, concepts };
const corpusVersion = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
const pack: Pack = PackSchema.parse({
  format: PACK_FORMAT,
  schemaVersion: PACK_SCHEMA_VERSION,
  id: BUILTIN_PACK_ID,
  name: 'Summary Lens corpus (ShortScience summaries + CS7643 notes)',
  corpusVersion,
  createdAt: new Date(0).toISOString(), // deterministic: the version hash says what changed
  ...body,
});

mkdirSync(outDir, { recursive: true });
// Written to a temporary name and renamed, so a build running beside this one never reads half a file.
const writeAtomic = (name: string, data: string) => {
  writeFileSync(`${outDir}/${name}.tmp`, data);
  renameSync(`${outDir}/${name}.tmp`, `${outDir}/${name}`);
};
writeAtomic('pack.json', JSON.stringify(pack));
writeAtomic('version.json', JSON.stringify({ corpusVersion: pack.corpusVersion, schemaVersion: pack.schemaVersion }));
// The popup loads these two instead of the whole pack: the prebuilt index and the short docs results show.
const search = buildSearchArtifacts(pack);
writeAtomic('search-index.json', JSON.stringify(search.index));
writeAtomic('search-docs.json', JSON.stringify(search.docs));

const identified = packSummaries.filter((s) => s.paper.arxivId || s.paper.openreviewId).length;
console.log(
  `corpus ${corpusVersion}: ${Object.entries(perFile).map(([f, n]) => `${f}=${n}`).join(' ')} -> ${summaries.length} unique summaries ` +
    `(${summaries.filter((s) => s.truncated).length} truncated), ${identified} identified, ${concepts.length} concept sections`,
);
const related = packSummaries.flatMap((s) => s.related);
const mentioned = related.filter((r) => r.kind === 'mentioned');
console.log(
  `related: ${mentioned.length} mentioned (${mentioned.filter((r) => r.summaryId).length} in the corpus, ${mentioned.filter((r) => !r.summaryId && r.arxivId).length} arXiv-only), ` +
    `${related.length - mentioned.length} similar, ${packSummaries.reduce((n, s) => n + s.concepts.length, 0)} background links, in ${relationsMs.toFixed(0)} ms`,
);

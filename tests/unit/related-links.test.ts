// "Mentioned" related papers: every arXiv and ShortScience link in the seeds resolves to the
// right entry, every URL form is read, and papers named in a summary are found by name.
import { describe, expect, it } from 'vitest';
import { computeRelations, findArxivLinks, findNamedPapers, paperNames } from '../../scripts/corpus/relations';
import { loadSources } from './support/seeds';
import type { PaperMeta } from '../../utils/corpus/pack';

const { files, summaries, concepts, papers, cited } = loadSources();
const relations = computeRelations(summaries, concepts, papers, cited);
const summaryIdOfArxiv = new Map([...papers].filter(([, p]) => p.arxivId).map(([id, p]) => [p.arxivId!, id]));

// Enumerated independently of the code under test: every address in the summary seeds that
// points at arXiv or at a ShortScience paper page, with the arXiv id read off its digits.
const seedLinks = files
  .filter((f) => /^00[0-3]_/.test(f.name))
  .flatMap((f) => [...f.text.matchAll(/https?:\/\/[^\s)\]>|"]+/g)].map((m) => m[0]))
  .filter((url) => /arxiv\.org\/|shortscience\.org\/paper\?/i.test(url))
  .map((url) => ({ url, arxivId: /(\d{4}\.\d{4,5})/.exec(url)![1] }));

describe('links in the seeds', () => {
  it('finds the five arXiv/ShortScience links the seeds contain', () => {
    expect(seedLinks.map((l) => l.arxivId).sort()).toEqual(['1402.4306', '1506.02557', '1605.08803', '1702.04595', '1904.06387']);
  });

  it.each(seedLinks)('$url becomes a "mentioned" entry of its summary', ({ url, arxivId }) => {
    const holders = summaries.filter((s) => s.markdown.includes(url));
    expect(holders).toHaveLength(1);
    const entry = relations.related.get(holders[0].id)!.find((r) => r.kind === 'mentioned' && r.arxivId === arxivId);
    expect(entry, `${url} in ${holders[0].id}`).toBeDefined();
    // In the corpus: it points at that summary. Not in the corpus: no summary, but the arXiv id opens its page.
    expect(entry!.summaryId).toBe(summaryIdOfArxiv.get(arxivId) ?? null);
    expect(entry!.title).toBe(cited.find((c) => c.arxivId === arxivId)?.title ?? papers.get(entry!.summaryId ?? '')?.title ?? null);
  });

  it('names each linked paper that is not in the corpus (data/cited-papers.json)', () => {
    for (const { arxivId } of seedLinks) if (!summaryIdOfArxiv.has(arxivId)) expect(cited.map((c) => c.arxivId)).toContain(arxivId);
  });

  it('puts the links in the summaries they were written in', () => {
    const byTitle = (title: string) => relations.related.get([...papers].find(([, p]) => p.title === title)![0])!;
    const bruno = byTitle('BRUNO: A Deep Recurrent Model for Exchangeable Data').filter((r) => r.kind === 'mentioned');
    expect(bruno.map((r) => r.arxivId)).toEqual(['1402.4306', '1605.08803']);
    const drex = byTitle('Better-than-Demonstrator Imitation Learning via Automatically-Ranked Demonstrations');
    expect(drex[0]).toMatchObject({ kind: 'mentioned', arxivId: '1904.06387', summaryId: null });
  });
});

describe('findArxivLinks', () => {
  const ids = (text: string) => findArxivLinks(text).map((l) => l.arxivId);

  it('reads every arXiv URL form', () => {
    expect(ids('[a](https://arxiv.org/abs/1506.02557)')).toEqual(['1506.02557']);
    expect(ids('see https://arxiv.org/abs/1506.02557v3.')).toEqual(['1506.02557']);
    expect(ids('http://arxiv.org/pdf/1506.02557v2.pdf')).toEqual(['1506.02557']);
    expect(ids('https://arxiv.org/pdf/1506.02557')).toEqual(['1506.02557']);
    expect(ids('https://www.arxiv.org/abs/1506.02557')).toEqual(['1506.02557']);
    expect(ids('https://export.arxiv.org/abs/1506.02557')).toEqual(['1506.02557']);
    expect(ids('https://arxiv.org/html/2106.09608v2')).toEqual(['2106.09608']);
    expect(ids('https://ar5iv.labs.arxiv.org/html/1506.02557')).toEqual(['1506.02557']);
    expect(ids('https://arxiv.org/abs/hep-th/9901001v1')).toEqual(['hep-th/9901001']);
    expect(ids('https://arxiv.org/abs/solv-int/9901001')).toEqual(['solv-int/9901001']);
    expect(ids('[kingma]: https://arxiv.org/abs/1506.02557')).toEqual(['1506.02557']);
  });

  it('reads ShortScience paper links keyed by CoRR, in both key styles', () => {
    expect(ids('(http://www.shortscience.org/paper?bibtexKey=journals/corr/1605.08803)')).toEqual(['1605.08803']);
    expect(ids('https://www.shortscience.org/paper?bibtexKey=journals/corr/1904.06387&a=muntermulehitch')).toEqual(['1904.06387']);
    expect(ids('https://www.shortscience.org/paper?bibtexKey=journals%2Fcorr%2F1904.06387')).toEqual(['1904.06387']);
    expect(ids('https://shortscience.org/paper?bibtexKey=journals/corr/abs-1810-04805')).toEqual(['1810.04805']);
  });

  it('reads bare arXiv: ids in prose', () => {
    expect(ids('as shown in arXiv:1701.05369v2, sparsity')).toEqual(['1701.05369']);
  });

  it('ignores other links and non-ids', () => {
    expect(ids('https://github.com/adebayoj/sanity_checks_saliency http://proceedings.mlr.press/v28/wang13a.html')).toEqual([]);
    expect(ids('https://www.shortscience.org/paper?bibtexKey=conf/nips/Smith2017')).toEqual([]);
    expect(ids('https://arxiv.org/list/cs.LG/recent 1234.5678 is a number')).toEqual([]);
  });
});

describe('papers named in a summary', () => {
  const meta = (arxivId: string | null, title: string): PaperMeta => ({ arxivId, openreviewId: null, title, authors: [], year: null, venue: null, confidence: 'high', evidence: [], reason: null });
  const names = paperNames(
    new Map([
      ['bert', meta('1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding')],
      ['vqvae', meta('1711.00937', 'Neural Discrete Representation Learning')],
      ['vqvae2', meta('1906.00446', 'Generating Diverse High-Fidelity Images with VQ-VAE-2')],
      ['organ', meta('1705.10843', 'Objective-Reinforced Generative Adversarial Networks (ORGAN) for Sequence Generation Models')],
      ['gn', meta('1803.08494', 'Group Normalization')],
    ]),
  );

  it('finds short names, aliases, acronyms in titles and whole titles, in order of appearance', () => {
    expect(findNamedPapers('Unlike ORGAN and BERT-based models, we use VQ-VAE codes and Group Normalization.', names, 'x')).toEqual(['organ', 'bert', 'vqvae', 'gn']);
  });

  it('matches whole words with their case only, never inside another name', () => {
    expect(findNamedPapers('RoBERTa, bert, a VQ-VAE-2 model, group normalization', names, 'x')).toEqual(['vqvae2']);
    expect(findNamedPapers('the Organ of Corti', names, 'x')).toEqual([]);
  });

  it('ignores names in code and formulas, and the summary itself', () => {
    expect(findNamedPapers('`BERT` and $BERT$ but not ```\nBERT\n```', names, 'x')).toEqual([]);
    expect(findNamedPapers('BERT improves on BERT', names, 'bert')).toEqual([]);
  });

  it('links real summaries to the corpus papers they name', () => {
    const mentionedBy = (title: string) =>
      relations.related
        .get([...papers].find(([, p]) => p.title === title)![0])!
        .filter((r) => r.kind === 'mentioned')
        .map((r) => r.title);
    expect(mentionedBy('ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators')).toContain('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(mentionedBy('Generating Diverse High-Fidelity Images with VQ-VAE-2')).toContain('Neural Discrete Representation Learning');
    expect(mentionedBy('Multi-task Deep Reinforcement Learning with PopArt')).toContain('IMPALA: Scalable Distributed Deep-RL with Importance Weighted Actor-Learner Architectures');
  });
});

// The opt-in sites' pages the end-to-end tests open (fixtures under tests/fixtures/pages/sites,
// see PROVENANCE.md), with what each must show for the corpus papers on it. Shared by the
// Chromium and Firefox files.
import type { FixtureMap } from './chromium';
import { PAPER_HOSTS } from '../../../wxt.config';

export interface SitePage {
  /** utils/optional-sites.ts id ('openreview-venues' is the storage switch, no permission). */
  site: string;
  url: string;
  /** A panel with this paper's summary... */
  panel?: string;
  /** ...or badges after exactly these entries (link text, in page order), `note` where a note mark is expected. */
  badges?: string[];
}

export const SITE_PAGES: SitePage[] = [
  { site: 'huggingface-papers', url: 'https://huggingface.co/papers/2004.11362', panel: 'Supervised Contrastive Learning' },
  { site: 'huggingface-papers', url: 'https://huggingface.co/papers/date/2025-03-05', badges: ['Supervised Contrastive Learning', 'Variational Dropout Sparsifies Deep Neural Networks'] },
  { site: 'alphaxiv', url: 'https://www.alphaxiv.org/abs/2103.03206', panel: 'Perceiver: General Perception with Iterative Attention' },
  { site: 'semantic-scholar', url: 'https://www.semanticscholar.org/paper/MixMatch%3A-A-Holistic-Approach-to-Semi-Supervised-Berthelot-Carlini/1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c', panel: 'MixMatch: A Holistic Approach to Semi-Supervised Learning' },
  { site: 'semantic-scholar', url: 'https://www.semanticscholar.org/search?q=contrastive%20learning', badges: ['Supervised Contrastive Learning', 'When Does Contrastive Visual Representation Learning Work?'] },
  {
    site: 'google-scholar',
    url: 'https://scholar.google.com/scholar?q=dropout+contrastive+transformers',
    badges: ['Supervised contrastive learning', 'Variational dropout sparsifies deep neural networks', 'Big bird: Transformers for longer sequences'],
  },
  { site: 'neurips', url: 'https://proceedings.neurips.cc/paper/2020/hash/d89a66c7c80a29b1bdbab0f2a1a94af8-Abstract.html', panel: 'Supervised Contrastive Learning' },
  { site: 'pmlr', url: 'https://proceedings.mlr.press/v70/molchanov17a.html', panel: 'Variational Dropout Sparsifies Deep Neural Networks' },
  { site: 'cvf', url: 'https://openaccess.thecvf.com/content/CVPR2022/html/Cole_When_Does_Contrastive_Visual_Representation_Learning_Work_CVPR_2022_paper.html', panel: 'When Does Contrastive Visual Representation Learning Work?' },
  { site: 'acl-anthology', url: 'https://aclanthology.org/P19-1472/', panel: 'HellaSwag: Can a Machine Really Finish Your Sentence?' },
  {
    site: 'openreview-venues',
    url: 'https://openreview.net/group?id=ICLR.cc/2020/Conference',
    badges: ['Compressive Transformers for Long-Range Sequence Modelling', 'ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators'],
  },
];

const dir = 'pages/sites';
export const SITE_FIXTURES: FixtureMap = {
  'huggingface.co/papers/2004.11362': `${dir}/hf-paper-2004.11362.html`,
  'huggingface.co/papers/date/2025-03-05': `${dir}/hf-daily-2025-03-05.html`,
  'www.alphaxiv.org/abs/2103.03206': `${dir}/alphaxiv-abs-2103.03206.html`,
  'www.semanticscholar.org/paper/MixMatch%3A-A-Holistic-Approach-to-Semi-Supervised-Berthelot-Carlini/1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c': `${dir}/s2-paper-mixmatch.html`,
  'www.semanticscholar.org/search?q=contrastive%20learning': `${dir}/s2-search-contrastive.html`,
  'scholar.google.com/scholar?q=dropout+contrastive+transformers': `${dir}/scholar-results-built.html`,
  'proceedings.neurips.cc/paper/2020/hash/d89a66c7c80a29b1bdbab0f2a1a94af8-Abstract.html': `${dir}/neurips-2020-supcon.html`,
  'proceedings.mlr.press/v70/molchanov17a.html': `${dir}/pmlr-v70-molchanov17a.html`,
  'openaccess.thecvf.com/content/CVPR2022/html/Cole_When_Does_Contrastive_Visual_Representation_Learning_Work_CVPR_2022_paper.html': `${dir}/cvf-cvpr2022-cole.html`,
  'aclanthology.org/P19-1472/': `${dir}/acl-P19-1472.html`,
  'openreview.net/group?id=ICLR.cc/2020/Conference': 'pages/openreview-group-iclr2020.html',
};

/** The default install's host permissions. */
export const DEFAULT_ORIGINS: readonly string[] = PAPER_HOSTS;

/** Page-side: the link text of each badged entry, in page order (a badge host follows its link). */
export const BADGED_ENTRIES = `() => [...document.querySelectorAll('summary-lens-badge')].map((host) => (host.previousElementSibling ?? host.parentElement)?.textContent?.replace(/\\s+/g, ' ').trim() ?? '?')`;

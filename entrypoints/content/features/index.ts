// Every page integration, one file each (see ../runner.ts for the contract). The opt-in sites'
// features run only where the user granted the site (the background registers the content script
// there; see utils/optional-sites.ts).
import type { Feature } from '../runner';
import arxivAbs from './arxiv-abs';
import arxivHtml from './arxiv-html';
import arxivListing from './arxiv-listing';
import openreviewForum from './openreview-forum';
import pdfMark from './pdf-mark';
import openreviewVenue from './openreview-venue';
import huggingfacePapers from './huggingface-papers';
import alphaxiv from './alphaxiv';
import semanticScholar from './semantic-scholar';
import googleScholar from './google-scholar';
import neurips from './neurips';
import pmlr from './pmlr';
import cvf from './cvf';
import aclAnthology from './acl-anthology';

export const features: readonly Feature[] = [
  arxivAbs,
  arxivHtml,
  arxivListing,
  openreviewForum,
  pdfMark,
  openreviewVenue,
  huggingfacePapers,
  alphaxiv,
  semanticScholar,
  googleScholar,
  neurips,
  pmlr,
  cvf,
  aclAnthology,
];

// Every page integration, one file each (see ../runner.ts for the contract).
import type { Feature } from '../runner';
import arxivAbs from './arxiv-abs';
import arxivHtml from './arxiv-html';
import arxivListing from './arxiv-listing';
import openreviewForum from './openreview-forum';
import pdfMark from './pdf-mark';

export const features: readonly Feature[] = [arxivAbs, arxivHtml, arxivListing, openreviewForum, pdfMark];

// Google Scholar result lists ("Cited by" and "All versions" lists too): a badge beside each
// result that has a summary, matched by an arXiv link in the result, else by its title and first
// author. Scholar's author lines abbreviate given names ("P Khosla"): the family name is enough.
import { isGoogleScholarResults, scholarResults } from '@/utils/detect';
import { badgeListedPapers } from '../list-badges';
import type { Feature } from '../runner';

const feature: Feature = {
  name: 'google-scholar',
  include: [isGoogleScholarResults],
  init: (signal) => badgeListedPapers(signal, () => scholarResults(document)),
};

export default feature;

/* Test URLs
https://scholar.google.com/scholar?q=supervised+contrastive+learning (Khosla et al.: summary)
https://scholar.google.com/scholar?q=big+bird+transformers+for+longer+sequences
*/

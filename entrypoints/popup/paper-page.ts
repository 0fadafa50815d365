// The paper's own page: arXiv abstract first, else the OpenReview forum.
export function paperPageUrl(paper: { arxivId: string | null; openreviewId: string | null }): string | null {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.openreviewId) return `https://openreview.net/forum?id=${encodeURIComponent(paper.openreviewId)}`;
  return null;
}

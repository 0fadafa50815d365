// arXiv and OpenReview identifiers: parse and normalise every form we meet.
// (Foundation version; the full URL-form coverage lives with the detectors.)

/** New-style (YYMM.NNNN / YYMM.NNNNN) or old-style (archive(.SUB)/YYMMNNN) id, optional vN. */
const ARXIV_ID = /^((?:\d{4}\.\d{4,5})|(?:[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}))(?:v(\d+))?$/;

export interface ArxivId {
  id: string;
  version: number | null;
}

export function parseArxivId(text: string): ArxivId | null {
  const m = ARXIV_ID.exec(text.trim());
  return m ? { id: m[1], version: m[2] ? Number(m[2]) : null } : null;
}

// Example URLs per detector, registered beside each detector (`TEST: addTests('isX', [...])`)
// and walked by tests/unit/detect.test.ts. The `TEST:` labelled calls are dropped from
// extension builds (wxt.config.ts `dropLabels`), so the examples never ship.

/**
 * A URL, or a URL with the paper it shows: an arXiv id (`2106.09608`, `hep-th/9901001v2`,
 * version included when the URL names one) or `openreview:<id>`.
 */
export type Example = string | readonly [url: string, paper: string];

/** Key for URLs that every detector must reject. */
export const NO_MATCH = '__urls_that_dont_match__';

const examples = new Map<string, readonly Example[]>();

export function addTests(detector: string, urls: readonly Example[]): void {
  examples.set(detector, urls);
}

export function getTests(detector: string): readonly Example[] | undefined {
  return examples.get(detector);
}

/** Every registered detector name (including NO_MATCH) with its examples. */
export function getAllTests(): ReadonlyMap<string, readonly Example[]> {
  return examples;
}

export const exampleUrl = (e: Example): string => (typeof e === 'string' ? e : e[0]);
export const examplePaper = (e: Example): string | null => (typeof e === 'string' ? null : e[1]);

/** One conformance suite's outcome: counts, every failure with its reason, every skip with the feature it needs. */
export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  failures: { id: string; reason: string }[];
  /** Skipped cases name the feature Certbench does not implement (never silently dropped). */
  skips: { id: string; feature: string }[];
}

export interface Suite {
  name: string;
  /** Folder under ../shared/corpus the suite reads; the suite is reported as absent when it is missing. */
  folder: string;
  run(corpusDir: string): Promise<SuiteResult>;
}

export function emptyResult(name: string): SuiteResult {
  return { name, passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
}

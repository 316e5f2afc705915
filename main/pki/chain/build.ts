/**
 * The chain builder: every candidate path from a leaf up through a pool of certificates (input, server,
 * trust store, AIA downloads), linked by name and key identifier and confirmed by signature, each validated
 * (validate.ts); cross-signs give several. Bounded: a hostile pool (thousands of same-named CAs, loops) ends
 * in milliseconds with the paths found so far.
 * STUB (owner: chain-validator).
 */
import type { CandidatePath, PoolCert, ValidationOptions } from './types';

export interface BuildOptions extends ValidationOptions {
  /** Most candidate paths to return. Default 8. */
  maxPaths?: number;
}

/**
 * Candidate paths, best first: valid and anchored; then anchored with the fewest errors; then the longest
 * unanchored (so the doctor knows where the chain stops). Never empty: the leaf alone is a path.
 */
export function buildPaths(leaf: PoolCert, pool: readonly PoolCert[], options: BuildOptions): CandidatePath[] {
  void pool;
  void options;
  return [{ certs: [leaf], anchored: leaf.trusted, findings: [], valid: leaf.trusted }];
}

/**
 * RFC 5280 6.1 path validation over one path, leaf first and the trust anchor last: signatures, validity at a
 * time, basic constraints and path length, key usage, extended key usage for the purpose, name constraints,
 * policies (policy-tree.ts), unknown critical extensions, host name (hostname.ts), weak signatures and keys.
 * STUB (owner: chain-validator).
 */
import type { ChainCert } from './chain-cert';
import type { Finding, ValidationOptions } from './types';

/**
 * Every finding on this path (empty = valid). `path[path.length - 1]` is the anchor when `anchored`; an anchor's own
 * signature, validity and constraints are not checked beyond RFC 5280's trust-anchor inputs (its key and name),
 * except that an expired anchor is a warning. An unanchored path is checked the same way up to its last
 * certificate (the caller reports UNTRUSTED_ROOT / MISSING_INTERMEDIATE).
 */
export function validatePath(path: readonly ChainCert[], anchored: boolean, options: ValidationOptions): Finding[] {
  void path;
  void anchored;
  void options;
  return [];
}

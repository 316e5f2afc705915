/**
 * RFC 5280 6.1 certificate policy processing: the valid_policy_tree, explicit_policy, policy_mapping and
 * inhibit_anyPolicy counters, policy mappings, and the 6.1.5 (g) intersection with the user's initial set.
 * STUB (owner: chain-revocation, who also owns the CRL checks; PKITS 4.8–4.12 are its tests).
 */
import type { ChainCert } from './chain-cert';
import type { PolicyOptions } from './types';

export interface PolicyResult {
  /** false when explicit policy is required and the tree ended empty (or the path broke a policy rule). */
  ok: boolean;
  /** Why not, in plain words ("policy 2.16.840.1.101.3.2.1.48.1 is required but the path asserts none"). */
  detail: string | null;
  /** Index of the certificate where the tree became empty or the rule broke; null for the path. */
  index: number | null;
  /** The user-constrained policy set (authorities-constrained ∩ initial), as OIDs; ['2.5.29.32.0'] for any. */
  validPolicies: string[];
}

/** `path` is leaf first, WITHOUT the trust anchor (RFC 5280 numbers certificates 1..n from the anchor's child). */
export function processPolicies(path: readonly ChainCert[], options: PolicyOptions = {}): PolicyResult {
  void path;
  void options;
  return { ok: true, detail: null, index: null, validPolicies: ['2.5.29.32.0'] };
}

/**
 * RFC 5280 4.2.1.10 / 6.1.3 (b)(c), 6.1.4 (g): permitted and excluded subtrees for directoryName, dNSName,
 * rfc822Name, uniformResourceIdentifier and iPAddress, accumulated down the path.
 * STUB (owner: chain-validator).
 */
import type { ChainCert } from './chain-cert';

/** The state 6.1.2 (b)(c) starts with and 6.1.4 (g) narrows. */
export interface NameConstraintState {
  /** Opaque to callers: owned by this module. */
  readonly kind: 'name-constraints';
}

export function initialNameConstraints(): NameConstraintState {
  return { kind: 'name-constraints' };
}

/** Checks `cert`'s subject and SAN names against the state; a reason per violation (empty = allowed). */
export function checkNameConstraints(state: NameConstraintState, cert: ChainCert): string[] {
  void state;
  void cert;
  return [];
}

/** The state after a CA certificate's nameConstraints extension. */
export function narrowNameConstraints(state: NameConstraintState, cert: ChainCert): NameConstraintState {
  void cert;
  return state;
}

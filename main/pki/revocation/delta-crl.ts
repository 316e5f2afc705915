/**
 * RFC 5280 5.2.4 / 6.3.3 (c), (f): the delta CRL that goes with a complete CRL: same issuer and scope, its
 * BaseCRLNumber at most the complete CRL's number and its own number above it, signed by the same key, no
 * unknown critical extension, current at the time. The newest such delta wins; when only stale ones exist the
 * pair is not current (the caller must not use the complete CRL alone).
 */
import type { ChainCert } from '../chain/chain-cert';
import type { CheckableCrl } from './checkable-crl';
import { crlSignatureVerifies } from './crl-signer';

export type DeltaChoice = { delta: CheckableCrl | null } | { delta: null; stale: CheckableCrl };

export function deltaFor(complete: CheckableCrl, signer: ChainCert, candidates: readonly CheckableCrl[], at: number): DeltaChoice {
  const matching = candidates.filter(
    (d) =>
      d.deltaBase !== null &&
      d.crlNumber !== null &&
      complete.crlNumber !== null &&
      d.issuerKey === complete.issuerKey &&
      (d.idp?.der ?? null) === (complete.idp?.der ?? null) &&
      d.deltaBase <= complete.crlNumber &&
      d.crlNumber > complete.crlNumber &&
      d.unknownCritical.length === 0 &&
      d.thisUpdate !== null &&
      d.thisUpdate <= at &&
      crlSignatureVerifies(d, signer),
  );
  const current = matching.filter((d) => d.nextUpdate === null || d.nextUpdate >= at).sort((a, b) => (a.crlNumber! < b.crlNumber! ? 1 : -1));
  if (current.length) return { delta: current[0] };
  if (matching.length) return { delta: null, stale: matching[0] };
  return { delta: null };
}

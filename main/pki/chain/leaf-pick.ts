/**
 * Which certificate a chain is about. A server's is the first it sends (TLS 1.2/1.3 put the end entity
 * first); in files people concatenate in any order, so it is the one no other certificate names as its
 * issuer, a non-CA preferred, the earliest when several qualify.
 */
import type { ChainCert } from './chain-cert';

export function pickLeaf(certs: readonly ChainCert[], fromServer: boolean): number {
  if (certs.length === 0) return -1;
  if (fromServer) return 0;
  const issuers = new Set<string>();
  for (const c of certs) if (!c.selfIssued) issuers.add(c.issuerKey);
  const candidates = certs.map((c, i) => i).filter((i) => !issuers.has(certs[i].subjectKey) || certs[i].selfIssued);
  const notCa = candidates.find((i) => certs[i].basicConstraints?.ca !== true);
  if (notCa !== undefined) return notCa;
  // Only CAs: the one lowest in its chain (issued by another here) rather than a root, when there is one.
  const issued = candidates.find((i) => !certs[i].selfIssued);
  return issued ?? candidates[0] ?? 0;
}
